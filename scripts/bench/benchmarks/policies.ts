/**
 * policies: the policy engine. (1) In process (scripts/bench/evaluate-run.ts): one profile against all 48 policies
 * with the bilingual explanations, p95 target ≤ 5 ms. (2) Over HTTP: POST /api/v1/policies/evaluate (the public
 * calculator: validation, rate-limit counter, catalogue revision check, evaluation, JSON) at 10 connections, with the
 * bench server's EVALUATE_IP_LIMIT raised (every request comes from 127.0.0.1).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { XIAOLIN } from '@/lib/policy-matching/golden-profiles';
import { defineBenchmark } from '../types';
import type { EvaluateRunReport } from '../evaluate-run';

const TARGET_P95_MS = 5;
const CONNECTIONS = 10;

export default defineBenchmark({
  name: 'policies',
  description: 'policy engine: 1 profile × all policies in process (p95 ≤ 5 ms) and POST /api/v1/policies/evaluate / 政策匹配',
  defaultConnections: CONNECTIONS,
  measurementCount: 1,
  async run(ctx) {
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/bench/evaluate-run.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const problems: string[] = [];
    const derived: Record<string, number> = {};
    const notes: string[] = [];
    if (r.status !== 0) problems.push(`evaluate-run.ts failed (exit ${r.status ?? r.signal})`);
    else {
      const rep = JSON.parse(r.stdout.trim().split('\n').pop()!) as EvaluateRunReport;
      Object.assign(derived, { engineP50Ms: rep.ms.p50, engineP95Ms: rep.ms.p95, engineP99Ms: rep.ms.p99, engineMaxMs: rep.ms.max, engineNoExplainP95Ms: rep.noExplainMs.p95 });
      notes.push(`engine in process: ${rep.iterations} evaluations of one profile × ${rep.policies} policies with explanations (${rep.profiles} profiles in turn): p50 ${rep.ms.p50} ms, p95 ${rep.ms.p95} ms, p99 ${rep.ms.p99} ms, max ${rep.ms.max} ms; without explanations p95 ${rep.noExplainMs.p95} ms`);
      if (rep.ms.p95 > TARGET_P95_MS) problems.push(`engine p95 ${rep.ms.p95} ms > ${TARGET_P95_MS} ms`);
    }
    const evaluate = await ctx.load({
      label: 'evaluate',
      method: 'POST',
      path: '/api/v1/policies/evaluate',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ profile: XIAOLIN, evalDate: '2026-11-27' }),
      connections: ctx.options.connections ?? CONNECTIONS,
    });
    notes.push('HTTP: POST /api/v1/policies/evaluate with the 小林 profile (anonymous calculator path)');
    return { measurements: [evaluate], derived, notes, problems };
  },
});

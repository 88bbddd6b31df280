/**
 * tsx scripts/bench/evaluate-run.ts [--iterations N]
 *
 * The policy engine in process: one profile against the whole catalogue (48 policies) with the bilingual criterion
 * explanations, as POST /api/v1/policies/evaluate and 我的政策 run it. Cycles through the golden profiles (empty,
 * sparse, young graduate, foreign artist, master …), one warm-up pass, then N timed evaluations. Prints progress on
 * stderr and one JSON object on the last stdout line. Target: p95 ≤ 5 ms.
 */
import { performance } from 'node:perf_hooks';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { GOLDEN_PROFILES } from '@/lib/policy-matching/golden-profiles';

export interface EvaluateRunReport {
  policies: number;
  profiles: number;
  iterations: number;
  ms: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** The same without explanations (what bulk reverse matching uses). */
  noExplainMs: { p50: number; p95: number };
}

const argv = process.argv.slice(2);
const at = argv.indexOf('--iterations');
const N = at >= 0 ? Number(argv[at + 1]) : 3000;
const profiles = [{}, ...Object.values(GOLDEN_PROFILES)];
const EVAL_DATE = '2026-11-27';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

function measure(explain: boolean): number[] {
  for (const p of profiles) evaluateAll(p, CATALOGUE, EXCLUSION_GROUPS, EVAL_DATE, { explain });
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const p = profiles[i % profiles.length]!;
    const t0 = performance.now();
    evaluateAll(p, CATALOGUE, EXCLUSION_GROUPS, EVAL_DATE, { explain });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const withText = measure(true);
const without = measure(false);
const report: EvaluateRunReport = {
  policies: CATALOGUE.length,
  profiles: profiles.length,
  iterations: N,
  ms: { p50: r3(pct(withText, 50)), p95: r3(pct(withText, 95)), p99: r3(pct(withText, 99)), max: r3(withText.at(-1)!), mean: r3(withText.reduce((a, b) => a + b, 0) / N) },
  noExplainMs: { p50: r3(pct(without, 50)), p95: r3(pct(without, 95)) },
};
process.stderr.write(`[evaluate] ${N} evaluations × ${CATALOGUE.length} policies: p50 ${report.ms.p50} ms, p95 ${report.ms.p95} ms\n`);
process.stdout.write(`${JSON.stringify(report)}\n`);

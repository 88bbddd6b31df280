/**
 * Structural rules of the app directory that a reviewer would otherwise have to remember.
 *
 * A loading.tsx is a Suspense boundary for its whole subtree: a dynamic page below it starts streaming with HTTP 200
 * before it can call notFound() or forbidden(), so a missing or out-of-scope record would answer 200 with the
 * not-found text instead of 404/403 (the crawl caught this on /party/mobile/[id]). Put the list page and its
 * loading.tsx in a route group — (queue), (roster) — beside the dynamic segment instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(import.meta.dirname, '..', 'app');

function dirsWith(file: string, dir = APP, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) dirsWith(file, full, out);
    else if (entry.name === file) out.push(dir);
  }
  return out;
}

function dynamicSegmentsBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('[')) out.push(path.relative(APP, full));
    out.push(...dynamicSegmentsBelow(full));
  }
  return out;
}

describe('app directory', () => {
  it('no loading.tsx sits above a dynamic segment (a missing record must answer 404, not a streamed 200)', () => {
    const offending = dirsWith('loading.tsx').flatMap((d) => dynamicSegmentsBelow(d).map((s) => `${path.relative(APP, d)}/loading.tsx → ${s}`));
    expect(offending).toEqual([]);
  });
});

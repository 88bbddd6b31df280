import fs from 'node:fs';
import path from 'node:path';

/**
 * The page routes of the App Router, read from the app directory when the test runs (so a new page cannot escape the
 * crawl): every app/**\/page.tsx, with route groups such as (app) and (queue) mapped away. Parallel-route slots (@x)
 * are not URL segments either; private folders (_x) are not routes. The cached public pages (app/(cached), ADR 019)
 * are internal rewrite targets, not addresses: the crawl reaches them as the anonymous visitor's /, /policies and
 * /policies/{code}, and tests/cached-pages.test.ts checks that each has its public page.
 */
export function pageRoutes(appDir = path.join(process.cwd(), 'app')): string[] {
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) out.push(`/${segments.join('/')}`);
      if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name === 'api' || entry.name === '(cached)') continue;
      const routeGroup = /^\(.*\)$/.test(entry.name) && !entry.name.startsWith('(.');
      const slot = entry.name.startsWith('@');
      walk(path.join(dir, entry.name), routeGroup || slot ? segments : [...segments, entry.name]);
    }
  };
  walk(appDir, []);
  return [...new Set(out)].sort();
}

/** The [param] / [...param] / [[...param]] names of a route pattern, in order. */
export function routeParams(route: string): string[] {
  return [...route.matchAll(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g)].map((m) => m[1]!);
}

export const isDynamic = (route: string) => routeParams(route).length > 0;

/** Fills a pattern's [param] segments from `values`; throws when one is missing. */
export function fillRoute(route: string, values: Record<string, string>): string {
  return route.replace(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for [${name}] in ${route}`);
    return encodeURIComponent(v);
  });
}

/** The registered pattern a concrete pathname belongs to (static segments win over dynamic ones), or null. */
export function matchRoute(routes: readonly string[], pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean);
  let best: { route: string; score: number } | null = null;
  for (const route of routes) {
    const segs = route.split('/').filter(Boolean);
    const catchAll = segs.length > 0 && /^\[{1,2}\.\.\./.test(segs.at(-1)!);
    if (catchAll ? parts.length < segs.length - 1 : parts.length !== segs.length) continue;
    let score = 0;
    let ok = true;
    for (let i = 0; i < segs.length && ok; i++) {
      const s = segs[i]!;
      if (/^\[.*\]$/.test(s)) continue;
      if (s === parts[i]) score++;
      else ok = false;
    }
    if (ok && (!best || score > best.score)) best = { route, score };
  }
  return best?.route ?? null;
}

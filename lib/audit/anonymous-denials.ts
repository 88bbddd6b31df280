import { rateLimitKeyForIp } from '@/lib/http/client-ip';

/**
 * Denials of callers without a session (anonymous requests to protected routes, cross-origin refusals) cost nothing to
 * send, and every audit row is appended under the one global audit lock. So they are aggregated per process: per
 * client address (IPv6: per /64) and route, the first PER_KEY in a minute are written; further ones are counted and
 * the count rides on the next row written for that key (`detail.suppressed`). Over all keys at most GLOBAL rows a
 * minute are written; the overflow is counted the same way (`detail.suppressedElsewhere` on the next row).
 * Denials of signed-in actors are always written: they have an account to attribute them to and a session to revoke.
 */
export const ANON_DENIALS_PER_KEY = 3;
export const ANON_DENIALS_GLOBAL = 300;
const WINDOW_MS = 60_000;
/** Keys remembered at most (each a few dozen bytes); beyond it new keys count as suppressed everywhere. */
const MAX_KEYS = 20_000;

type Entry = { windowStart: number; written: number; suppressed: number };
type State = { windowStart: number; written: number; suppressed: number; keys: Map<string, Entry> };
const fresh = (): State => ({ windowStart: 0, written: 0, suppressed: 0, keys: new Map() });
const holder = ((globalThis as { __jpAnonDenials?: { state: State } }).__jpAnonDenials ??= { state: fresh() });

export type DenialAdmission = { write: false } | { write: true; carried: { suppressed?: number; suppressedElsewhere?: number } };

/** Whether to write this anonymous denial now, and which earlier suppressed ones to report with it. */
export function admitAnonymousDenial(ip: string | null | undefined, via: string, at: number): DenialAdmission {
  const s = holder.state;
  if (at - s.windowStart >= WINDOW_MS) {
    s.windowStart = at;
    s.written = 0;
    // Drop the keys of earlier windows that have nothing left to report (the map stays as small as the traffic);
    // when crowded, drop them all and report their counts on the next row written anywhere.
    const crowded = s.keys.size > MAX_KEYS / 2;
    for (const [k, e] of s.keys) {
      if (at - e.windowStart < WINDOW_MS || (e.suppressed > 0 && !crowded)) continue;
      s.suppressed += e.suppressed;
      s.keys.delete(k);
    }
  }
  const key = `${ip ? rateLimitKeyForIp(ip) : 'unknown'}|${via}`;
  let e = s.keys.get(key);
  if (!e && (s.keys.size >= MAX_KEYS || s.written >= ANON_DENIALS_GLOBAL)) {
    // Many addresses at once (an IPv6 sweep): no new entry, the denial is counted with the others left out.
    s.suppressed += 1;
    return { write: false };
  }
  if (!e || at - e.windowStart >= WINDOW_MS) {
    e = { windowStart: at, written: 0, suppressed: e?.suppressed ?? 0 };
    s.keys.set(key, e);
  }
  if (e.written >= ANON_DENIALS_PER_KEY || s.written >= ANON_DENIALS_GLOBAL) {
    if (e.written >= ANON_DENIALS_PER_KEY) e.suppressed += 1;
    else s.suppressed += 1;
    return { write: false };
  }
  e.written += 1;
  s.written += 1;
  const carried: { suppressed?: number; suppressedElsewhere?: number } = {};
  if (e.suppressed) carried.suppressed = e.suppressed;
  if (s.suppressed) carried.suppressedElsewhere = s.suppressed;
  e.suppressed = 0;
  s.suppressed = 0;
  return { write: true, carried };
}

/** Tests: forget every window. */
export function resetAnonymousDenials(): void {
  holder.state = fresh();
}

/** Tests: how many address/route keys are remembered. */
export function trackedDenialKeys(): number {
  return holder.state.keys.size;
}

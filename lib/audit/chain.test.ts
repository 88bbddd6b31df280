import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, verifySegment, type ChainRow } from './chain';

const key = Buffer.alloc(32, 1);
function build(n: number) {
  const rows: (ChainRow & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row: ChainRow = { seq: i, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actorId: null, actorRole: null, action: 'x', targetType: null, targetId: `${i}`, result: 'ok', ip: null, detail: { i, b: [1, 2] } };
    const hash = chainHash(key, prev, row);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 }));
  });
  it('verifies an intact chain', () => {
    expect(verifySegment(key, build(5), { prevSeq: 0, prevHash: GENESIS_HASH }).problems).toEqual([]);
  });
  it('detects an edited row', () => {
    const rows = build(5);
    rows[2] = { ...rows[2]!, result: 'denied' };
    expect(verifySegment(key, rows, { prevSeq: 0, prevHash: GENESIS_HASH }).problems).toEqual([{ seq: 3, kind: 'edited' }]);
  });
  it('detects a deleted row', () => {
    const rows = build(5);
    rows.splice(1, 1);
    const problems = verifySegment(key, rows, { prevSeq: 0, prevHash: GENESIS_HASH }).problems;
    expect(problems).toContainEqual({ seq: 3, kind: 'missing_before', expectedSeq: 2 });
    expect(problems).toContainEqual({ seq: 3, kind: 'relinked' });
  });
  it('detects a forged row re-hashed without the key', () => {
    const rows = build(3);
    const forgedKey = Buffer.alloc(32, 2);
    rows[1] = { ...rows[1]!, action: 'forged', hash: chainHash(forgedKey, rows[1]!.prevHash, { ...rows[1]!, action: 'forged' }) };
    const problems = verifySegment(key, rows, { prevSeq: 0, prevHash: GENESIS_HASH }).problems;
    expect(problems).toContainEqual({ seq: 2, kind: 'edited' });
    expect(problems).toContainEqual({ seq: 3, kind: 'relinked' });
  });
});

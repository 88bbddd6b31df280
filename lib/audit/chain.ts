import crypto from 'node:crypto';

/**
 * The hash chain, pure: each row's hash is HMAC-SHA-256(key, prevHash ‖ canonical(row)). Keyed, so someone with
 * write access to the database but not the application key cannot re-forge the chain after editing a row.
 */
export const GENESIS_HASH = 'genesis';

export interface ChainRow {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: string;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so jsonb's reordering does not change the digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function rowDigestInput(row: ChainRow): string {
  return canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.action,
    row.targetType,
    row.targetId,
    row.result,
    row.ip,
    row.detail,
  ]);
}

export function chainHash(key: Buffer, prevHash: string, row: ChainRow): string {
  return crypto.createHmac('sha256', key).update(prevHash).update('\n').update(rowDigestInput(row)).digest('hex');
}

export type ChainProblem =
  | { seq: number; kind: 'edited' }
  | { seq: number; kind: 'relinked' }
  | { seq: number; kind: 'missing_before'; expectedSeq: number };

/** Checks a run of rows in seq order, continuing from (prevSeq, prevHash). Returns problems and the new tail. */
export function verifySegment(
  key: Buffer,
  rows: (ChainRow & { prevHash: string; hash: string })[],
  start: { prevSeq: number; prevHash: string },
): { problems: ChainProblem[]; prevSeq: number; prevHash: string } {
  const problems: ChainProblem[] = [];
  let { prevSeq, prevHash } = start;
  for (const row of rows) {
    if (row.seq !== prevSeq + 1) problems.push({ seq: row.seq, kind: 'missing_before', expectedSeq: prevSeq + 1 });
    if (row.prevHash !== prevHash) problems.push({ seq: row.seq, kind: 'relinked' });
    if (chainHash(key, row.prevHash, row) !== row.hash) problems.push({ seq: row.seq, kind: 'edited' });
    prevSeq = row.seq;
    prevHash = row.hash;
  }
  return { problems, prevSeq, prevHash };
}

import { desc, asc, gt, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { now } from '@/lib/clock';
import { deriveKey } from '@/lib/crypto/keys';
import { chainHash, GENESIS_HASH, verifySegment, type ChainProblem } from './chain';

export interface AuditEvent {
  action: string;
  result: 'ok' | 'denied' | 'failed';
  actorId?: string | null;
  actorRole?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Never personal data in clear: ids, codes, counts, reasons. */
  detail?: Record<string, unknown>;
}

// One advisory lock serialises appends so that seq and prev_hash form a single chain across instances.
const AUDIT_LOCK = 7_270_001;

async function appendInTx(tx: Tx, ev: AuditEvent): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now(),
    actorId: ev.actorId ?? null,
    actorRole: ev.actorRole ?? null,
    action: ev.action,
    targetType: ev.targetType ?? null,
    targetId: ev.targetId ?? null,
    result: ev.result,
    ip: ev.ip ?? null,
    detail: ev.detail ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(deriveKey('audit-chain'), prevHash, row) });
  return row.seq;
}

/**
 * Appends an audit row. Pass the transaction of a domain write so the row commits (or rolls back) with it;
 * without one the event is recorded on its own (login attempts, denials, reads).
 */
export async function audit(ev: AuditEvent, tx?: Tx): Promise<number> {
  if (tx) return appendInTx(tx, ev);
  const db = await getDb();
  return db.transaction((t) => appendInTx(t, ev));
}

export interface VerifyReport {
  rows: number;
  ok: boolean;
  problems: ChainProblem[];
  lastSeq: number;
}

/** Walks the whole chain in seq order, in batches, and reports edited, inserted (relinked) or deleted rows. */
export async function verifyAuditChain(db?: DbOrTx, batchSize = 5000): Promise<VerifyReport> {
  const handle = db ?? (await getDb());
  const key = deriveKey('audit-chain');
  let cursor = { prevSeq: 0, prevHash: GENESIS_HASH };
  const problems: ChainProblem[] = [];
  let rows = 0;
  for (;;) {
    const batch = await handle.select().from(auditLog).where(gt(auditLog.seq, cursor.prevSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    if (batch.length === 0) break;
    const out = verifySegment(
      key,
      batch.map((r) => ({ ...r, detail: r.detail ?? {} })),
      cursor,
    );
    problems.push(...out.problems);
    cursor = { prevSeq: out.prevSeq, prevHash: out.prevHash };
    rows += batch.length;
  }
  return { rows, ok: problems.length === 0, problems, lastSeq: cursor.prevSeq };
}

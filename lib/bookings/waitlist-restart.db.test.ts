/**
 * Issue 11 §Tests: "a job-runner restart mid-offer loses no offer and duplicates none". A confirmed booking is
 * cancelled (the `bookings.slot_released` event is recorded with it); the waitlist consumer runs in a child worker
 * process that is killed with SIGKILL in the middle of the offer — once inside the offer's transaction (the held
 * booking written, not committed), once after the commit but before the job was marked done. A fresh worker then
 * finishes: exactly one offer of the window, to the first person in line. The offer lapses on the test clock and the
 * sweep passes exactly one offer to the next person. PGlite (a data directory shared with the child) by default,
 * PostgreSQL with TEST_DATABASE_URL (the child connects to the scratch database; the dead worker's lease runs out).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, setDbHandle, type Db, type DbHandle } from '@/db/client';
import { bookings, domainEvents, jobs, waitlistEntries } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { advance, now, resetClock, setNow } from '@/lib/clock';
import { enqueue } from '@/lib/jobs/queue';
import { runUntilIdle, Worker } from '@/lib/jobs/worker';
import { cancelBookingRoute, createBookingRoute, joinWaitlistRoute } from './api';
import { bookingSweepJob } from './jobs';
import { OFFER_MINUTES, processWaitlist } from './waitlist';
import { createTestDb, resetDb } from '@/tests/helpers/db';
import { bearer, makeTalent, tokenFor, type TestUser } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertSpace } from '@/tests/helpers/bookings';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PG = Boolean(process.env.TEST_DATABASE_URL);
const at = (local: string) => new Date(`${local}:00+08:00`);
const window = { startsAt: at('2027-03-02T10:00').toISOString(), endsAt: at('2027-03-02T12:00').toISOString() };
type Mode = 'before-commit' | 'after-commit';

let pg: (DbHandle & { url?: string }) | undefined;
beforeAll(async () => {
  if (PG) pg = await createTestDb();
});
afterAll(async () => {
  setDbHandle(undefined);
  await pg?.close();
});
afterEach(() => resetClock());

/** A space, a confirmed booking of the window and four people waiting for it in order; returns them. */
async function world(db: Db) {
  setDbHandle({ db, driver: PG ? 'postgres' : 'pglite', close: async () => {} } as DbHandle);
  const s = await insertSpace(db);
  const owner = await makeTalent(db);
  const booked = await callRoute(createBookingRoute, { body: { spaceId: s.id, ...window }, headers: bearer(await tokenFor(db, owner)) });
  expect(booked.status).toBe(201);
  const line: TestUser[] = [];
  for (let i = 0; i < 4; i++) {
    const u = await makeTalent(db);
    const res = await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: bearer(await tokenFor(db, u)) });
    expect(res.json).toMatchObject({ status: 'waiting' });
    line.push(u);
  }
  const cancelled = await callRoute(cancelBookingRoute, { params: { id: (booked.json as { id: string }).id }, body: {}, headers: bearer(await tokenFor(db, owner)) });
  expect(cancelled.json).toMatchObject({ status: 'cancelled' });
  const events = await db.select().from(domainEvents).where(eq(domainEvents.type, 'bookings.slot_released'));
  expect(events).toHaveLength(1);
  expect(events[0]!.dispatchedAt).toBeNull(); // the consumer has not run: the child's worker dispatches it
  return { spaceId: s.id, line };
}

/** Runs the child worker until it reports the pause point, then SIGKILLs it; returns what it printed there. */
async function killMidOffer(target: string, mode: Mode): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'tests/fixtures/waitlist-worker-child.ts'), target, now().toISOString(), mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let out = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never reached the offer: ${stderr.slice(0, 800)}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const hit = out.split('\n').find((l) => l.startsWith('mid-offer '));
      if (hit) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(hit);
      }
    });
    child.on('exit', (code) => code !== null && reject(new Error(`child exited ${code}: ${stderr.slice(0, 800)}`)));
  });
  await new Promise((r) => child.once('close', r));
  return line;
}

async function state(db: Db, spaceId: string, line: TestUser[]) {
  const entries = await db.select().from(waitlistEntries).where(eq(waitlistEntries.spaceId, spaceId)).orderBy(asc(waitlistEntries.createdAt));
  const rows = await db.select().from(bookings).where(and(eq(bookings.spaceId, spaceId), eq(bookings.startsAt, new Date(window.startsAt))));
  const consumerJobs = await db.select().from(jobs).where(eq(jobs.type, 'bookings.offer_waitlist'));
  const statusOf = (u: TestUser) => entries.find((e) => e.userId === u.id)!.status;
  return { entries, held: rows.filter((r) => r.status === 'held'), rows, consumerJobs, statuses: line.map(statusOf) };
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Restart, then the expiry: the assertions common to both drivers and both moments of death. */
async function restartAndPassOn(db: Db, spaceId: string, line: TestUser[], mode: Mode, exclusive: boolean) {
  const killed = await state(db, spaceId, line);
  expect(killed.consumerJobs).toHaveLength(1);
  expect(killed.consumerJobs[0]!.status).toBe('running'); // the job died with its worker
  if (mode === 'before-commit') {
    // Nothing of the half-made offer survived the kill.
    expect(killed.held).toHaveLength(0);
    expect(killed.statuses).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  } else {
    expect(killed.held).toHaveLength(1);
    expect(killed.statuses).toEqual(['offered', 'waiting', 'waiting', 'waiting']);
  }

  if (!exclusive) await new Promise((r) => setTimeout(r, 1600)); // PostgreSQL: the dead worker's lease (1.5 s) runs out
  const worker = new Worker(db, { mode: 'test', pollMs: 20, leaseMs: 60_000, exclusive });
  await worker.start();
  try {
    await waitFor(async () => (await db.select().from(jobs).where(eq(jobs.type, 'bookings.offer_waitlist')))[0]!.status === 'done');
  } finally {
    await worker.stop();
  }
  const after = await state(db, spaceId, line);
  expect(after.consumerJobs).toHaveLength(1); // one consumer job for the event, run again, not queued twice
  expect(after.consumerJobs[0]!.attempts).toBe(2);
  expect(after.held).toHaveLength(1); // none lost, none duplicated
  expect(after.held[0]!.userId).toBe(line[0]!.id); // to the first person in line
  expect(after.statuses).toEqual(['offered', 'waiting', 'waiting', 'waiting']);
  expect(after.entries.find((e) => e.userId === line[0]!.id)!.offeredBookingId).toBe(after.held[0]!.id);
  if (mode === 'after-commit') expect(after.held[0]!.id).toBe(killed.held[0]!.id); // the committed offer was kept, not remade

  // The offer lapses unanswered; the sweep (and, at the same moment, a direct run) pass it on exactly once.
  advance((OFFER_MINUTES + 1) * 60_000);
  await enqueue(db, bookingSweepJob, {}, { idempotencyKey: `restart-test-sweep-${mode}` });
  const [, direct] = await Promise.all([runUntilIdle(db), processWaitlist(db, spaceId, now())]);
  expect(direct.offered).toBeLessThanOrEqual(1);
  const passed = await state(db, spaceId, line);
  expect(passed.statuses).toEqual(['expired', 'offered', 'waiting', 'waiting']);
  expect(passed.held).toHaveLength(1);
  expect(passed.held[0]!.userId).toBe(line[1]!.id);
  expect(passed.rows.find((r) => r.id === after.held[0]!.id)!.status).toBe('expired');
  expect(passed.rows.filter((r) => r.userId === line[1]!.id)).toHaveLength(1);
}

describe('waitlist offer across a job-runner restart (kill -9 mid-offer)', () => {
  for (const mode of ['before-commit', 'after-commit'] as const) {
    it(`${PG ? 'PostgreSQL' : 'PGlite'}: killed ${mode === 'before-commit' ? 'inside the offer transaction' : 'after the offer committed, before the job was done'} → one offer, to the first in line; on expiry one offer to the next`, { timeout: 120_000 }, async () => {
      setNow(at('2027-03-01T08:00'));
      if (PG) {
        const db = pg!.db;
        await resetDb(db);
        await seedReferenceData(db);
        const { spaceId, line } = await world(db);
        const printed = await killMidOffer(pg!.url!, mode);
        expect(printed).toBe('mid-offer 1'); // the child had made the offer when it died
        await restartAndPassOn(db, spaceId, line, mode, false);
        return;
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-waitlist-crash-'));
      try {
        let handle = await openPglite(dir);
        await seedReferenceData(handle.db);
        const { spaceId, line } = await world(handle.db);
        setDbHandle(undefined);
        await handle.close();
        const printed = await killMidOffer(dir, mode);
        expect(printed).toBe('mid-offer 1');
        handle = await openPglite(dir, { migrate: false });
        try {
          setDbHandle(handle);
          await restartAndPassOn(handle.db, spaceId, line, mode, true);
        } finally {
          setDbHandle(undefined);
          await handle.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

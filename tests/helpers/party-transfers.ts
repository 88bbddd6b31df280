/**
 * A world for transfer tests, built directly (no seed reads): a district committee of its own with an issuing
 * 党工委 (C1: branches B1, B2), a 党工委 that may issue but has no 预备党员审批权 (W: WB), a receiving-only 党工委
 * (R: T1, T2) and an unrelated committee (Q: QB); one account per actor and a few outsiders; and cases inserted at
 * any state with coherent fields (handler, hops, letter) for table-driven tests.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partyOrgs, transferCases, users } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { localMonth, type TransferState } from '@/lib/party/transfer-machine';
import { makeUser } from './factories';
import { insertMember } from './party-members';

type OrgType = (typeof partyOrgs.$inferInsert)['orgType'];
export interface TOrg {
  id: string;
  path: string;
}

async function org(db: Db, name: string, parent: TOrg | null, orgType: OrgType, flags: { mayIssue?: boolean; mayReceive?: boolean; auth?: boolean; status?: 'ACTIVE' | 'DISSOLVED' } = {}): Promise<TOrg> {
  const id = crypto.randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  const committee = orgType === 'district_committee' || orgType === 'primary_committee' || orgType === 'working_committee';
  await db.insert(partyOrgs).values({
    id,
    code: `T-${name}-${id.slice(0, 8)}`,
    nameZh: `测试${name}`,
    nameEn: `Test ${name}`,
    kind: committee ? 'committee' : 'branch',
    orgType,
    parentId: parent?.id ?? null,
    path,
    mayIssue: !!flags.mayIssue,
    mayReceive: !!flags.mayReceive,
    hasProbationaryApproval: !!flags.auth,
    status: flags.status ?? 'ACTIVE',
    ...(flags.status === 'DISSOLVED' ? { dissolvedAt: now(), dissolutionApprovalRef: '珠组字〔2026〕1号' } : {}),
  });
  return { id, path };
}

export const ACCOUNTS = ['member', 'otherTalent', 'zoneStaff', 'sysadmin', 'secB1', 'secB2', 'secC1', 'secW', 'secR', 'secT1', 'secQ', 'orgAdmin'] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface TransferWorld {
  orgs: Record<'TD' | 'C1' | 'B1' | 'B2' | 'W' | 'WB' | 'R' | 'T1' | 'T2' | 'Q' | 'QB', TOrg>;
  actors: Record<Exclude<Account, 'member'>, Actor>;
}

export function actorOf(u: { id: string; role: Role; orgId: string | null }, orgPath: string | null): Actor {
  return { id: u.id, role: u.role, displayName: `测试${u.role}`, zoneCode: u.role === 'zone_staff' ? 'jkq' : null, orgId: u.orgId, orgPath, sessionId: 'test-session' };
}

export async function transferWorld(db: Db): Promise<TransferWorld> {
  const TD = await org(db, '区委', null, 'district_committee', { mayIssue: true, mayReceive: true, auth: true });
  const C1 = await org(db, '党工委C1', TD, 'working_committee', { mayIssue: true, mayReceive: true, auth: true });
  const B1 = await org(db, '支部B1', C1, 'branch');
  const B2 = await org(db, '支部B2', C1, 'branch');
  const W = await org(db, '党工委W', TD, 'working_committee', { mayIssue: true, mayReceive: true });
  const WB = await org(db, '支部WB', W, 'branch');
  const R = await org(db, '党工委R', TD, 'working_committee', { mayReceive: true });
  const T1 = await org(db, '支部T1', R, 'branch');
  const T2 = await org(db, '支部T2', R, 'joint_branch');
  const Q = await org(db, '党委Q', TD, 'primary_committee', { mayIssue: true, mayReceive: true, auth: true });
  const QB = await org(db, '支部QB', Q, 'branch');
  const orgs = { TD, C1, B1, B2, W, WB, R, T1, T2, Q, QB };
  const sec = async (o: TOrg) => actorOf(await makeUser(db, 'branch_secretary', { orgId: o.id }), o.path);
  const actors = {
    otherTalent: actorOf(await makeUser(db, 'talent'), null),
    zoneStaff: actorOf(await makeUser(db, 'zone_staff'), null),
    sysadmin: actorOf(await makeUser(db, 'sysadmin'), null),
    secB1: await sec(B1),
    secB2: await sec(B2),
    secC1: await sec(C1),
    secW: await sec(W),
    secR: await sec(R),
    secT1: await sec(T1),
    secQ: await sec(Q),
    orgAdmin: actorOf(await makeUser(db, 'org_admin', { orgId: null }), null),
  };
  return { orgs, actors };
}

/** A member at B1 (or `formalOrgId`), linked to a fresh talent account, dues paid through this month. */
export async function memberIn(db: Db, w: TransferWorld, over: Parameters<typeof insertMember>[1] = {}) {
  const talent = await makeUser(db, 'talent');
  const m = await insertMember(db, { formalOrgId: w.orgs.B1.id, userId: talent.id, lastDuesMonth: localMonth(now()), name: '陈思远', ...over });
  return { member: m, actor: actorOf(talent, null) };
}

const ISSUED_OR_LATER: readonly TransferState[] = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT', 'RETURNED_BY_RECEIVER', 'EXPIRED', 'VOIDED'];
const OPENED: readonly TransferState[] = ['RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT'];

/** Who holds a case in each state in this world (B1 → C1 issues → R receives into T1). */
export function handlerIn(w: TransferWorld, state: TransferState): string | null {
  switch (state) {
    case 'BRANCH_REVIEW':
      return w.orgs.B1.id;
    case 'ISSUER_REVIEW':
    case 'RETURNED_BY_RECEIVER':
      return w.orgs.C1.id;
    case 'ORGDEPT_REVIEW':
      return w.orgs.TD.id;
    case 'ISSUED':
    case 'RECEIVER_REVIEW':
    case 'ON_HOLD':
    case 'ACCEPTED':
    case 'COMPLETED':
      return w.orgs.R.id;
    default:
      return null;
  }
}

/** A case of `memberId` written directly at `state` (as the transitions would have left it). */
export async function caseAt(db: Db, w: TransferWorld, memberId: string, state: TransferState, over: Partial<typeof transferCases.$inferInsert> = {}) {
  const issued = ISSUED_OR_LATER.includes(state) && state !== 'VOIDED' ? true : state === 'VOIDED';
  const t = now();
  const [c] = await db
    .insert(transferCases)
    .values({
      memberId,
      state,
      category: 'in_district',
      channel: 'PAPER',
      fromOrgId: w.orgs.B1.id,
      toOrgId: w.orgs.T1.id,
      currentHandlerOrgId: handlerIn(w, state),
      reason: '到新厂街道陶瓷企业工作',
      issuingHops: issued ? [w.orgs.C1.id] : [],
      ...(issued
        ? {
            letterNo: `测〔2026〕${crypto.randomBytes(4).toString('hex')}号`,
            verifyCode: randomToken(24),
            issuedAt: new Date(t.getTime() - 86_400_000),
            validityDays: 30,
            expiresAt: state === 'EXPIRED' ? new Date(t.getTime() - 3_600_000) : new Date(t.getTime() + 29 * 86_400_000),
          }
        : {}),
      openedAt: OPENED.includes(state) ? t : null,
      ...(state === 'COMPLETED' ? { toBranchId: w.orgs.T1.id, completedAt: t } : {}),
      createdAt: t,
      updatedAt: t,
      ...over,
    })
    .returning();
  return c!;
}

export async function userIdOf(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u!;
}

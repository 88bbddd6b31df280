/**
 * Organisational life, the pure rules (domain-party.md §2.6, §6 OrgLifeActivity / Attendance; issue 10 §2). No Next,
 * no database: the service (activities.ts) loads the rows and asks these.
 *
 * Who attends, and how they count:
 * - FORMAL: the member's formal (组织关系所在) organisation is the activity's organisation. A 正式党员 of it has the vote
 *   (`mayVote`); a 预备党员 attends with a voice but no vote (党章 第七条: 预备党员没有表决权、选举权和被选举权).
 * - MOBILE: a 流动党员 accepted by this organisation (an INFLOW_ACTIVE / LAPSE_WATCH mobile record placing them in it
 *   or reporting to an organisation in its subtree). They attend and it counts for them (last organisational life),
 *   but they never vote and never count toward the quorum (活动证 rule, §2.3 item 6).
 *
 * The quorum (支部工作条例 / 党章 第十七条 practice: 有表决权的党员到会超过半数方可召开): 应到 is the number of members
 * with voting rights — NORMAL 党籍, formal member (正式党员), formal organisation = this organisation. 预备党员 are not in
 * 应到 (they have no vote) and mobile members are never in it. 实到 is how many of those 应到 members are present with a
 * confirmed attendance. The quorum is reached when 实到 × 2 > 应到 (exactly half is not a quorum). The schema's
 * `counts_for_quorum` flag is the §6 relation flag (= FORMAL, checked by the database): a mobile row can never enter
 * the figure; of the FORMAL rows, the figure takes the voting members.
 */

export type AttendanceRelation = 'FORMAL' | 'MOBILE';

export interface QuorumFigures {
  /** 应到: members with voting rights. */
  expected: number;
  /** 实到: voting members present (confirmed). */
  present: number;
  /** The smallest 实到 that makes a quorum: more than half of 应到. */
  required: number;
  reached: boolean;
}

/** More than half of the voting members: 实到 × 2 > 应到; with nobody to count there is no quorum. */
export function quorumOf(expected: number, present: number): QuorumFigures {
  const e = Math.max(0, Math.trunc(expected));
  const p = Math.max(0, Math.min(Math.trunc(present), e));
  return { expected: e, present: p, required: Math.floor(e / 2) + 1, reached: e > 0 && p * 2 > e };
}

export interface AttendeeFacts {
  /** The member's formal organisation is the activity's organisation. */
  formalHere: boolean;
  /** The member has an accepted mobile record placing them in this organisation (or its subtree). */
  acceptedMobileHere: boolean;
  membershipType: 'formal' | 'probationary';
  partyStatus: string;
}

export type AttendeeDecision =
  | { ok: true; relation: AttendanceRelation; countsForQuorum: boolean; mayVote: boolean }
  | { ok: false; reason: 'NOT_IN_ORG' | 'MEMBER_STATUS' | 'MAY_NOT_VOTE' };

/**
 * The relation and the flags of one attendance row. `requestedVote` is what a secretary asked for: `true` for a
 * member without a vote (mobile or probationary) is refused (MAY_NOT_VOTE) rather than silently corrected; `false`
 * records a voting member as not voting (e.g. 回避); undefined takes the default.
 */
export function decideAttendee(f: AttendeeFacts, requestedVote?: boolean): AttendeeDecision {
  if (f.partyStatus !== 'NORMAL') return { ok: false, reason: 'MEMBER_STATUS' };
  const relation: AttendanceRelation | null = f.formalHere ? 'FORMAL' : f.acceptedMobileHere ? 'MOBILE' : null;
  if (!relation) return { ok: false, reason: 'NOT_IN_ORG' };
  const hasVote = relation === 'FORMAL' && f.membershipType === 'formal';
  if (requestedVote === true && !hasVote) return { ok: false, reason: 'MAY_NOT_VOTE' };
  return { ok: true, relation, countsForQuorum: relation === 'FORMAL', mayVote: requestedVote === undefined ? hasVote : requestedVote && hasVote };
}

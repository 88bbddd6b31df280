import { z } from 'zod';
import { ACTIVITY_TYPES, ATTENDANCE_METHODS } from '@/db/schema/party-mobile';

/** Organisational life (§2.6, §6 OrgLifeActivity / Attendance) wire shapes, shared by the API, the actions and the forms. */

export { ACTIVITY_TYPES, ATTENDANCE_METHODS };
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'validation.dateInvalid');

export const createActivityInput = z.strictObject({
  orgId: z.uuid(),
  type: z.enum(ACTIVITY_TYPES),
  date: isoDate,
  topic: z.string().trim().min(2, 'partyActivities.errTopic').max(200, 'partyActivities.errTopic'),
  votingItems: z.boolean(),
  location: z.string().trim().max(200).optional(),
});
export type CreateActivityInput = z.infer<typeof createActivityInput>;

export const activityListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const recordAttendanceInput = z.strictObject({
  memberId: z.uuid(),
  method: z.enum(ATTENDANCE_METHODS),
  /** Leave out for the default (正式党员 of this organisation vote; nobody else may). */
  mayVote: z.boolean().optional(),
});
export type RecordAttendanceInput = z.infer<typeof recordAttendanceInput>;

export const checkInInput = z.strictObject({
  /** The organisation's QR token from its poster (scan); without it the check-in is online. */
  qrToken: z.string().trim().min(8).max(128).optional(),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const activitySummaryDto = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  date: z.string(),
  topic: z.string(),
  votingItems: z.boolean(),
  location: z.string().nullable(),
  /** Confirmed attendances (formal and mobile). */
  attendees: z.number().int(),
  /** Self check-ins awaiting the branch's confirmation. */
  pending: z.number().int(),
});
export type ActivitySummaryDto = z.infer<typeof activitySummaryDto>;

export const activityListDto = z.object({
  items: z.array(activitySummaryDto),
  /** Organisations the caller may list (and, where `canCreate`, create activities for). */
  orgs: z.array(z.object({ id: z.string(), name: z.string(), canCreate: z.boolean(), isTemporary: z.boolean() })),
});
export type ActivityListDto = z.infer<typeof activityListDto>;

export const attendanceDto = z.object({
  memberId: z.string(),
  name: z.string(),
  membershipType: z.enum(['formal', 'probationary']),
  relation: z.enum(['FORMAL', 'MOBILE']),
  mayVote: z.boolean(),
  countsForQuorum: z.boolean(),
  method: z.enum(ATTENDANCE_METHODS),
  checkedInAt: z.string(),
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
});
export type AttendanceDto = z.infer<typeof attendanceDto>;

const nameRow = z.object({ memberId: z.string(), name: z.string() });

export const activityDto = activitySummaryDto.extend({
  createdAt: z.string(),
  /** The quorum over members with voting rights (mobile attendees and 预备党员 are never in it). */
  quorum: z.object({
    /** 应到: NORMAL-status 正式党员 whose formal organisation is this one. */
    expected: z.number().int(),
    /** 实到: those of them present, confirmed. */
    present: z.number().int(),
    /** More than half of 应到. */
    required: z.number().int(),
    reached: z.boolean(),
    /** 应到 members not (yet) recorded present. */
    absent: z.array(nameRow),
  }),
  /** 预备党员 of this organisation present (列席: voice, no vote). */
  probationaryPresent: z.array(nameRow),
  /** 实到流动党员: accepted mobile members present — 不计入法定人数、无表决权. */
  mobilePresent: z.array(nameRow),
  attendance: z.array(attendanceDto),
  /** Members the caller may record (formal members and accepted mobile members not yet recorded); empty for readers. */
  candidates: z.array(nameRow.extend({ relation: z.enum(['FORMAL', 'MOBILE']), membershipType: z.enum(['formal', 'probationary']) })),
  canManage: z.boolean(),
});
export type ActivityDto = z.infer<typeof activityDto>;

/** A member's view of an activity they may check in to (the check-in page). */
export const checkInViewDto = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  date: z.string(),
  topic: z.string(),
  location: z.string().nullable(),
  relation: z.enum(['FORMAL', 'MOBILE']),
  /** Check-in is open on the activity's day (Jingdezhen calendar). */
  open: z.boolean(),
  mine: attendanceDto.nullable(),
});
export type CheckInViewDto = z.infer<typeof checkInViewDto>;

export const myAttendanceDto = z.object({
  items: z.array(
    z.object({
      activityId: z.string(),
      orgName: z.string(),
      type: z.enum(ACTIVITY_TYPES),
      date: z.string(),
      topic: z.string(),
      relation: z.enum(['FORMAL', 'MOBILE']),
      method: z.enum(ATTENDANCE_METHODS),
      confirmed: z.boolean(),
    }),
  ),
  lastOrgLifeDate: z.string().nullable(),
  /** Today's activities of my organisations (formal or where I am accepted) that I may check in to. */
  open: z.array(z.object({ id: z.string(), orgName: z.string(), type: z.enum(ACTIVITY_TYPES), topic: z.string(), checkedIn: z.boolean() })),
});
export type MyAttendanceDto = z.infer<typeof myAttendanceDto>;

import Decimal from 'decimal.js';
import { z } from 'zod';
import { parseIsoDate } from '@/lib/talent/dates';
import { DUES_BASE_TYPES, MEMBERSHIP_TYPES, PARTY_ORG_TYPES, PARTY_STATUSES } from './enums';

export { DUES_BASE_TYPES, MEMBERSHIP_TYPES, PARTY_ORG_TYPES } from './enums';

/**
 * Party organisations and members (issue 9 §1, §2, §6): the zod schemas shared by the forms, the server actions and
 * the API routes (isomorphic: no server imports). Messages are i18n keys.
 */

/** Organisation types that hold members' formal relationships (a 党委/党工委 has branches, a 党小组 is inside one). */
export const FORMAL_HOLDER_TYPES = ['general_branch', 'branch', 'joint_branch', 'mobile_branch'] as const;
/** Committee types: a re-routed transfer goes to the nearest one above a dissolved organisation (T19). */
export const COMMITTEE_TYPES = ['district_committee', 'primary_committee', 'working_committee'] as const;
/** Types under which only 党小组 may be created. */
export const BRANCH_LIKE_TYPES = ['branch', 'joint_branch', 'mobile_branch', 'temporary_branch'] as const;

export type OrgType = (typeof PARTY_ORG_TYPES)[number];
export const isCommitteeType = (t: OrgType) => (COMMITTEE_TYPES as readonly string[]).includes(t);
export const isFormalHolderType = (t: OrgType) => (FORMAL_HOLDER_TYPES as readonly string[]).includes(t);
export const isBranchLikeType = (t: OrgType) => (BRANCH_LIKE_TYPES as readonly string[]).includes(t);

/** The coarse kind older code reads, derived from the §6 type. */
export function kindOfType(t: OrgType): 'committee' | 'general_branch' | 'branch' {
  if (isCommitteeType(t)) return 'committee';
  return t === 'general_branch' ? 'general_branch' : 'branch';
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const contactPhone = z
  .string()
  .trim()
  .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/, 'party.errContactPhone')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

export const orgFlagsInput = z.strictObject({
  mayIssue: z.boolean().default(false),
  mayReceive: z.boolean().default(false),
  hasProbationaryApproval: z.boolean().default(false),
});

export const orgContactInput = z.strictObject({
  contactPerson: optionalText(40),
  contactPhone,
  address: optionalText(120),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'party.errPostalCode')
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});

/** 党组织 codes are ours (ZS-LX-01) or the national system's; letters, digits and dashes. */
const orgCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'party.errOrgCode');

/**
 * Flag coherence (§1.2): only an organisation with 预备党员审批权 (or the district committee, whose 组织部 transfers
 * nationwide) may issue 介绍信; branches issue nothing and approve no probationary members. Pure; the service
 * applies it to the flags an update leaves in force.
 */
export function flagProblems(v: { orgType: OrgType; mayIssue: boolean; hasProbationaryApproval: boolean; isExternal: boolean }): { path: 'mayIssue' | 'hasProbationaryApproval'; message: string }[] {
  if (v.isExternal) return [];
  const out: { path: 'mayIssue' | 'hasProbationaryApproval'; message: string }[] = [];
  if (!isCommitteeType(v.orgType) && v.orgType !== 'general_branch' && (v.mayIssue || v.hasProbationaryApproval)) {
    out.push({ path: v.mayIssue ? 'mayIssue' : 'hasProbationaryApproval', message: 'party.errBranchNoAuthority' });
  } else if (v.mayIssue && !v.hasProbationaryApproval && v.orgType !== 'district_committee') {
    out.push({ path: 'mayIssue', message: 'party.errIssueNeedsApproval' });
  }
  return out;
}

export const createOrgInput = z
  .strictObject({
    code: orgCode,
    nameZh: z.string().trim().min(2, 'party.errOrgName').max(80, 'party.errOrgName'),
    nameEn: z.string().trim().min(2, 'party.errOrgName').max(160, 'party.errOrgName'),
    orgType: z.enum(PARTY_ORG_TYPES),
    /** null only for an organisation outside the portal (another province); '' from a form's empty choice. */
    parentId: z.uuid().nullable().or(z.literal('').transform(() => null)),
    isExternal: z.boolean().default(false),
    nationalCode: z
      .string()
      .trim()
      .regex(/^\d{12,15}$/, 'party.errNationalCode')
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    ...orgFlagsInput.shape,
    ...orgContactInput.shape,
  })
  .superRefine((v, ctx) => {
    if (!v.isExternal && !v.parentId) ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'party.errParentRequired' });
    for (const p of flagProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
export type CreateOrgInput = z.input<typeof createOrgInput>;

/** PATCH /party/orgs/{id}: move (parentId), rename, flags, contact point — only the fields sent change. */
export const updateOrgInput = z
  .strictObject({
    parentId: z.uuid().optional(),
    nameZh: z.string().trim().min(2, 'party.errOrgName').max(80, 'party.errOrgName').optional(),
    nameEn: z.string().trim().min(2, 'party.errOrgName').max(160, 'party.errOrgName').optional(),
    mayIssue: z.boolean().optional(),
    mayReceive: z.boolean().optional(),
    hasProbationaryApproval: z.boolean().optional(),
    contactPerson: optionalText(40).optional(),
    contactPhone: contactPhone.optional(),
    address: optionalText(120).optional(),
    postalCode: orgContactInput.shape.postalCode.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'party.errNothingToChange', path: ['_'] });
export type UpdateOrgInput = z.input<typeof updateOrgInput>;

export const dissolveOrgInput = z.strictObject({
  /** The approving decision (批复文号), e.g. 珠组字〔2026〕12号. */
  approvalRef: z.string().trim().min(2, 'party.errApprovalRef').max(100, 'party.errApprovalRef'),
  successorOrgId: z
    .uuid()
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});
export type DissolveOrgInput = z.input<typeof dissolveOrgInput>;

/** The forms of the tree page (and their actions): which organisation, then what. */
const chosenOrg = z.uuid('party.chooseOrg');
export const dissolveOrgForm = dissolveOrgInput.extend({ id: chosenOrg });
export const moveOrgForm = z.strictObject({ id: chosenOrg, parentId: chosenOrg });
/** The 组织部's edit form: an organisation's flags and contact point (sent as PATCH changes). */
export const editOrgForm = z.strictObject({ id: chosenOrg, ...orgFlagsInput.shape, ...orgContactInput.shape });

export const partyOrgDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['committee', 'general_branch', 'branch']),
  orgType: z.enum(PARTY_ORG_TYPES),
  parentId: z.uuid().nullable(),
  /** 0 for a root; the district committee's 基层党委 are at depth 1. */
  depth: z.number().int(),
  flags: z.object({ mayIssue: z.boolean(), mayReceive: z.boolean(), hasProbationaryApproval: z.boolean(), isTemporary: z.boolean(), isExternal: z.boolean() }),
  status: z.enum(['ACTIVE', 'DISSOLVED']),
  dissolvedAt: z.iso.datetime().nullable(),
  dissolutionApprovalRef: z.string().nullable(),
  successorOrgId: z.uuid().nullable(),
  nationalCode: z.string().nullable(),
  contact: z.object({ person: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), postalCode: z.string().nullable() }),
  /** The check-in token: only for those who may rotate it (org_admin, the organisation's own secretary). */
  qrToken: z.string().nullable().optional(),
  qrRotatedAt: z.iso.datetime().nullable().optional(),
});
export type PartyOrgDto = z.infer<typeof partyOrgDto>;

export const qrTokenDto = z.object({ orgId: z.uuid(), qrToken: z.string(), qrRotatedAt: z.iso.datetime() });

// --- members ---------------------------------------------------------------------------------------------------

export const isoDate = z.string().refine((s) => parseIsoDate(s) !== null, 'validation.dateInvalid');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'party.errYearMonth');

/** 党费基数: an exact decimal in 元 with at most two places, never a float (decimal.js checks it). */
export const duesAmount = z
  .string()
  .trim()
  .regex(/^\d{1,9}(?:\.\d{1,2})?$/, 'party.errDuesAmount')
  .refine((s) => {
    try {
      const d = new Decimal(s);
      return d.isFinite() && d.gte(0) && d.lt(1e9);
    } catch {
      return false;
    }
  }, 'party.errDuesAmount')
  .transform((s) => new Decimal(s).toFixed(2));

export const createMemberInput = z
  .strictObject({
    name: z.string().trim().min(1, 'validation.nameInvalid').max(40, 'validation.nameInvalid'),
    /** 民族, e.g. 汉族 / 回族 (optional; printed on the 介绍信). */
    ethnicity: z
      .string()
      .trim()
      .regex(/^[\u4e00-\u9fa5]{1,8}族$/, 'party.errEthnicity')
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    idCardNo: z.string().trim().min(1, 'validation.required').max(40),
    phone: z
      .string()
      .trim()
      .regex(/^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}$/, 'validation.phoneInvalid'),
    membershipType: z.enum(MEMBERSHIP_TYPES),
    probationEndDate: isoDate
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    formalOrgId: z.uuid(),
    joinDate: isoDate,
    duesBaseType: z.enum(DUES_BASE_TYPES),
    duesBaseAmount: duesAmount,
    lastDuesMonth: yearMonth
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    userId: z
      .uuid()
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.membershipType === 'probationary' && !v.probationEndDate) ctx.addIssue({ code: 'custom', path: ['probationEndDate'], message: 'party.errProbationEndRequired' });
    if (v.probationEndDate && v.joinDate && v.probationEndDate <= v.joinDate) ctx.addIssue({ code: 'custom', path: ['probationEndDate'], message: 'party.errProbationBeforeJoin' });
  });
export type CreateMemberInput = z.input<typeof createMemberInput>;

export const ALERT_CODES = ['PROBATION_EXPIRED', 'DUES_ARREARS', 'OPEN_TRANSFER', 'LAPSE_RISK', 'LOST_CONTACT'] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export const memberAlert = z.object({
  code: z.enum(ALERT_CODES),
  /** notice < warning < critical (dues: 1, 3 and 6 unpaid months, §7.1). */
  severity: z.enum(['notice', 'warning', 'critical']),
  /** DUES_ARREARS: unpaid months up to the current one; PROBATION_EXPIRED: days since the end. */
  months: z.number().int().optional(),
  days: z.number().int().optional(),
  since: z.string().optional(),
  transferId: z.uuid().optional(),
});
export type MemberAlert = z.infer<typeof memberAlert>;

export const memberListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  idCardNo: z.string().describe('Masked, e.g. 3602**********1234'),
  phone: z.string().nullable().describe('Masked, e.g. 139****1122'),
  membershipType: z.enum(MEMBERSHIP_TYPES),
  formalOrgId: z.uuid(),
  formalOrgName: z.string(),
  partyStatus: z.enum(PARTY_STATUSES),
  lastDuesMonth: z.string().nullable(),
  linked: z.boolean(),
  alerts: z.array(memberAlert),
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const memberDto = memberListItem.extend({
  gender: z.enum(['male', 'female']).nullable(),
  ethnicity: z.string().nullable(),
  joinDate: z.string(),
  probationEndDate: z.string().nullable(),
  regularDate: z.string().nullable(),
  lostContact: z.boolean(),
  duesBaseType: z.enum(DUES_BASE_TYPES),
  /** Exact decimal string (元, two places); S1. */
  duesBaseAmount: z.string().nullable(),
  userId: z.uuid().nullable(),
  createdFrom: z.enum(['register', 'incoming_letter', 'self']),
  createdAt: z.iso.datetime(),
  /** 党籍 decisions recorded with their references, oldest first (S1). */
  statusDecisions: z.array(z.lazy(() => statusDecisionDto)),
});
export type MemberDto = z.infer<typeof memberDto>;

export const memberListQuery = z.strictObject({
  q: z.string().trim().max(40).optional(),
  orgId: z.uuid().optional(),
  membershipType: z.enum(MEMBERSHIP_TYPES).optional(),
  alert: z.enum(ALERT_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MemberListQuery = z.output<typeof memberListQuery>;

export const memberExportQuery = memberListQuery.omit({ page: true, pageSize: true }).extend({
  purpose: z.string({ error: 'party.errPurpose' }).trim().min(4, 'party.errPurpose').max(200, 'party.errPurpose'),
  approvalRef: z.string({ error: 'party.errApprovalRef' }).trim().min(2, 'party.errApprovalRef').max(100, 'party.errApprovalRef'),
});
export type MemberExportQuery = z.output<typeof memberExportQuery>;

export const revealMemberInput = z.strictObject({
  reason: z.string().trim().min(4, 'validation.reasonRequired').max(200),
});

export const partyConsentInput = z.strictObject({ granted: z.boolean() });

export const myPartyDto = z.object({
  consent: z.object({ granted: z.boolean(), noticeVersion: z.string(), grantedAt: z.iso.datetime().nullable() }),
  member: memberDto
    .omit({ linked: true })
    .extend({
      formalOrg: z.object({ id: z.uuid(), name: z.string(), contact: partyOrgDto.shape.contact }),
    })
    .nullable(),
});
export type MyPartyDto = z.infer<typeof myPartyDto>;

/**
 * A 党籍 decision recorded in the portal (domain-party.md §5.2): made by a 支部党员大会 / 党委 / 组织部 outside the
 * portal, recorded with its reference. The portal never changes a party status on its own.
 */
export const PARTY_STATUS_TRANSITIONS: Record<(typeof PARTY_STATUSES)[number], readonly (typeof PARTY_STATUSES)[number][]> = {
  NORMAL: ['STOPPED', 'STRUCK_OFF', 'EXPELLED', 'DECEASED'],
  STOPPED: ['NORMAL', 'STRUCK_OFF', 'EXPELLED', 'DECEASED'],
  STRUCK_OFF: [],
  EXPELLED: [],
  DECEASED: [],
};

export const statusDecisionInput = z.strictObject({
  status: z.enum(PARTY_STATUSES),
  /** Who decided, e.g. 支部党员大会 / 两新组织党委 / 区委组织部. */
  decidedBy: z.string().trim().min(2, 'party.errDecidedBy').max(60, 'party.errDecidedBy'),
  /** The approval or filing reference (e.g. 珠两新党字〔2026〕12号). */
  approvalRef: z.string({ error: 'party.errApprovalRef' }).trim().min(2, 'party.errApprovalRef').max(100, 'party.errApprovalRef'),
  decisionDate: z.iso.date({ error: 'party.errDecisionDate' }),
  note: optionalText(500),
});
export type StatusDecisionInput = z.input<typeof statusDecisionInput>;

export const statusDecisionDto = z.object({
  status: z.enum(PARTY_STATUSES),
  previousStatus: z.enum(PARTY_STATUSES),
  decidedBy: z.string(),
  approvalRef: z.string(),
  decisionDate: z.string(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string(),
});
export type StatusDecisionDto = z.infer<typeof statusDecisionDto>;

import type { DUES_BASE_TYPES as DB_DUES, MEMBERSHIP_TYPES as DB_MEMBERSHIP, PARTY_ORG_TYPES as DB_ORG_TYPES, PARTY_STATUSES as DB_STATUSES } from '@/db/schema/party';

/**
 * The Party enums for isomorphic code (forms, schemas): the same lists as db/schema/party.ts, without pulling the
 * table definitions (and drizzle) into browser bundles. The type checks below fail the build if they drift apart.
 */
export const PARTY_ORG_TYPES = ['district_committee', 'primary_committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'mobile_branch', 'party_group'] as const;
export const MEMBERSHIP_TYPES = ['formal', 'probationary'] as const;
export const PARTY_STATUSES = ['NORMAL', 'STOPPED', 'STRUCK_OFF', 'EXPELLED', 'DECEASED'] as const;
export const DUES_BASE_TYPES = ['salary', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student_unemployed'] as const;

type Same<A extends readonly string[], B extends readonly string[]> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(v: T) => v;
same<Same<typeof PARTY_ORG_TYPES, typeof DB_ORG_TYPES>>(true);
same<Same<typeof MEMBERSHIP_TYPES, typeof DB_MEMBERSHIP>>(true);
same<Same<typeof PARTY_STATUSES, typeof DB_STATUSES>>(true);
same<Same<typeof DUES_BASE_TYPES, typeof DB_DUES>>(true);

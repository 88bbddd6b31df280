import { z } from 'zod';
import {
  APPLICATION_MODES,
  BENEFIT_KINDS,
  CATEGORIES,
  CRITERION_RESULTS,
  PROVENANCES,
  STATUSES,
} from '@/lib/policy-matching/model';
import { canonicalProfileSchema, isoDate } from '@/lib/talent/profile-schema';
import { POLICY_CODE } from './code';

/**
 * Wire schemas of the policy-matching API (issue 4 §10). Field names are a contract: `profile` uses the canonical
 * §6.2 names; results use camelCase as the issue spells them.
 */

export const statusSchema = z.enum(STATUSES);
export const policyCodeSchema = z.string().regex(POLICY_CODE, 'validation.policyCode');

export const evaluateInput = z.strictObject({
  profile: canonicalProfileSchema.describe('Canonical §6.2 profile; null or absent = unknown'),
  evalDate: isoDate.optional().describe('Evaluation date (default: today in Jingdezhen)'),
  includeNotInForce: z.boolean().optional().describe('Also return NOT_IN_FORCE policies (hidden by default)'),
});
export type EvaluateInput = z.infer<typeof evaluateInput>;

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const evaluationResultSchema = z.object({
  policyCode: z.string(),
  version: z.string().nullable(),
  status: statusSchema,
  amountEstimate: z.number().nullable(),
  criteria: z.array(z.object({ id: z.string(), result: z.enum(CRITERION_RESULTS), explanation: bilingual })),
  missingFields: z.array(z.string()),
  nearMiss: z.object({ criterionId: z.string(), eligibleFrom: z.string().optional() }).nullable(),
  validUntil: z.string().nullable(),
  excludedBy: z.array(z.string()),
  chooseOne: z.boolean(),
  // Presentation extras (not part of the §6.3 result): what the policy is and whether it is demo data.
  title: bilingual,
  provenance: z.enum(PROVENANCES),
  demoData: z.boolean().describe('true unless the policy is published fact (§6.4): show 示例数据 / Demo data'),
  category: z.enum(CATEGORIES),
  applicationMode: z.enum(APPLICATION_MODES).nullable(),
  benefitText: bilingual.nullable(),
  benefitKind: z.enum(BENEFIT_KINDS).nullable().optional().describe('What the amount is: a loan or an interest subsidy states a ceiling, not money received'),
});
export type EvaluationResultDto = z.infer<typeof evaluationResultSchema>;

export const evaluateResponse = z.object({
  evalDate: z.string(),
  results: z.array(evaluationResultSchema),
  /** Raw §6.2 fields to ask next, most useful first (how many NEEDS_INFO policies each would unlock). */
  missingFields: z.array(z.string()),
});
export type EvaluateResponse = z.infer<typeof evaluateResponse>;

export const myMatchesResponse = evaluateResponse.extend({
  /** The one question to ask next (the first of missingFields), or null when nothing is missing. */
  nextQuestion: z.string().nullable(),
});

export const policyListQuery = z.strictObject({
  q: z.string().trim().max(80).optional(),
  category: z.enum(CATEGORIES).optional(),
  provenance: z.enum(PROVENANCES).optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export const versionSummarySchema = z.object({
  version: z.string(),
  status: z.enum(['draft', 'active', 'retired']),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  publishedAt: z.string().nullable(),
  changelogNote: z.string().nullable(),
});

export const policySummarySchema = z.object({
  code: z.string(),
  title: bilingual,
  summary: bilingual.nullable(),
  issuer: z.string().nullable(),
  level: z.string().nullable(),
  category: z.enum(CATEGORIES),
  provenance: z.enum(PROVENANCES),
  demoData: z.boolean(),
  tags: z.array(z.string()),
  currentVersion: versionSummarySchema.nullable(),
  applicationMode: z.enum(APPLICATION_MODES).nullable(),
  benefitText: bilingual.nullable(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policyDetailSchema = policySummarySchema.extend({
  regionScope: z.array(z.string()),
  sources: z.array(z.object({ title: z.string(), url: z.string().optional(), doc_no: z.string().optional(), published_at: z.string().optional() })),
  exclusionGroups: z.array(z.object({ id: z.string(), rule: z.string(), policyCodes: z.array(z.string()), note: z.string().nullable() })),
  tier: z.string().nullable(),
  /** Versions newest first; drafts only for staff who may edit policies. Each carries its full document. */
  versions: z.array(versionSummarySchema.extend({ definition: z.record(z.string(), z.unknown()) })),
});
export type PolicyDetail = z.infer<typeof policyDetailSchema>;

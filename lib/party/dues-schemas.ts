import { z } from 'zod';
import { DUES_API_BASE_TYPES } from './dues-calculator';

/**
 * 党费 (§2.7) wire shapes: the public quote, a payment, a member's ledger, a branch's month. Amounts are decimal
 * strings with two decimals (never numbers: no binary floating point anywhere on the way).
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.monthInvalid');
/** Money as accepted everywhere: digits with at most two decimals, no sign, no exponent. */
export const moneyString = z.string().regex(/^(0|[1-9]\d{0,8})(\.\d{1,2})?$/, 'partyDues.errAmount');
const money = z.string();

export const DUES_CHANNELS = ['cash', 'bank', 'online'] as const;

/** GET /api/v1/party/dues/quote — numbers are checked by the calculator (field errors), not coerced here. */
export const duesQuoteQuery = z.strictObject({
  baseType: z.enum(DUES_API_BASE_TYPES),
  baseAmount: z.string().max(32).optional(),
  /** Three comma-separated monthly net incomes of the previous quarter (self_employed). */
  quarterIncomes: z.string().max(120).optional(),
  reductionAmount: z.string().max(32).optional(),
});
export type DuesQuoteQuery = z.infer<typeof duesQuoteQuery>;

export const duesQuoteDto = z.object({
  baseType: z.enum(DUES_API_BASE_TYPES),
  base: money.nullable(),
  rate: z.string().nullable(),
  /** Index of the bracket applied (wage: 0 ≤3000, 1 ≤5000, 2 ≤10000, 3 >10000; retiree: 0 ≤5000, 1 >5000). */
  bracket: z.number().int().nullable(),
  computedAmount: money,
  monthlyAmount: money,
  reduced: z.boolean(),
});
export type DuesQuoteDto = z.infer<typeof duesQuoteDto>;

export const recordPaymentInput = z.strictObject({
  memberId: z.uuid(),
  month,
  amount: moneyString,
  collectingOrgId: z.uuid(),
  channel: z.enum(DUES_CHANNELS).optional(),
  receiptNo: z.string().trim().max(64).transform((v) => v || undefined).optional().describe('Receipt or transaction number; blank means none'),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

export const paymentDto = z.object({
  id: z.string(),
  memberId: z.string(),
  month: z.string(),
  amount: money,
  amountDue: money,
  collectingOrgId: z.string(),
  collectingOrgName: z.string(),
  channel: z.enum(DUES_CHANNELS),
  receiptNo: z.string().nullable(),
  backpay: z.boolean(),
  paidAt: z.string(),
  /** The member's paid-through month after this payment. */
  paidThrough: z.string().nullable(),
});
export type PaymentDto = z.infer<typeof paymentDto>;

export const LEDGER_MONTH_STATUSES = ['paid', 'paid_before_ledger', 'unpaid'] as const;
export const ledgerMonthDto = z.object({
  month: z.string(),
  status: z.enum(LEDGER_MONTH_STATUSES),
  /** Null when the reader may not see it (a 流入地 secretary sees amounts only for months paid to their organisation). */
  amount: money.nullable(),
  collectingOrgId: z.string().nullable(),
  collectingOrgName: z.string().nullable(),
  /** The month was paid to the reader's own organisation (or its subtree). */
  atMyOrg: z.boolean(),
  backpay: z.boolean(),
  channel: z.enum(DUES_CHANNELS).nullable(),
  receiptNo: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export type LedgerMonthDto = z.infer<typeof ledgerMonthDto>;

export const collectingOrgDto = z.object({ id: z.string(), name: z.string(), relation: z.enum(['formal', 'inflow']), canRecord: z.boolean() });

export const memberDuesDto = z.object({
  memberId: z.string(),
  memberName: z.string(),
  joinDate: z.string(),
  currentMonth: z.string(),
  /** Whether this reader sees every amount (formal branch, 组织部, the member) or only their own organisation's. */
  amountsVisible: z.boolean(),
  baseType: z.enum(DUES_API_BASE_TYPES),
  /** How the monthly amount is computed (null when not visible to the reader or when no base is on record). */
  quote: duesQuoteDto.nullable(),
  /** What one month costs now (visible to those who collect it, including the 流入地). */
  monthlyAmount: money.nullable(),
  reductionRef: z.string().nullable(),
  paidThrough: z.string().nullable(),
  owedMonths: z.array(z.string()),
  owedAmount: money.nullable(),
  /** Owed months older than the 6-month back-pay window (a matter for the branch, 党章第九条). */
  beyondBackpay: z.array(z.string()),
  /** Months the reader may record now (within the back-pay and prepay windows, not yet paid). */
  payableMonths: z.array(z.string()),
  months: z.array(ledgerMonthDto),
  collectingOrgs: z.array(collectingOrgDto),
});
export type MemberDuesDto = z.infer<typeof memberDuesDto>;

export const collectionQuery = z.strictObject({
  orgId: z.uuid().optional(),
  month: month.optional(),
});
export type CollectionQuery = z.infer<typeof collectionQuery>;

export const collectionRowDto = z.object({
  memberId: z.string(),
  name: z.string(),
  relation: z.enum(['formal', 'inflow']),
  paid: z.boolean(),
  paidBeforeLedger: z.boolean(),
  amount: money.nullable(),
  collectingOrgName: z.string().nullable(),
  atThisOrg: z.boolean(),
  monthlyAmount: money.nullable(),
  paidThrough: z.string().nullable(),
  monthsUnpaid: z.number().int(),
});
export const collectionDto = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  currentMonth: z.string(),
  rows: z.array(collectionRowDto),
  paidCount: z.number().int(),
  unpaidCount: z.number().int(),
  /** Exact sum of what was paid to this organisation for the month (decrypted and added in decimal). */
  totalCollected: money,
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CollectionDto = z.infer<typeof collectionDto>;

'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { checkAuditChain } from './audit-check';

/** 立即校验 on the administrator's 工作台: the same check as GET /api/v1/audit/verify. */
export const verifyAuditAction = createAction({
  name: 'system.verifyAudit',
  input: z.strictObject({}),
  access: 'audit.verify',
  run: async (_input, { actor, ip }) => {
    const r = await checkAuditChain(actor, ip);
    return { ok: r.ok, rows: r.rows, problems: r.problems.length };
  },
  revalidate: ['/dashboard'],
});

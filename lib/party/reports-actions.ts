'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { reviewReport, submitReport } from './reports';
import { reportReviewInput, submitReportInput } from './reports-schemas';

/** Periodic reports from the pages: the same services as POST /api/v1/party/reports and …/{id}/review. */

export const submitReportAction = createAction({
  name: 'partyReports.submit',
  input: submitReportInput,
  access: 'party_reports.submit_own',
  run: (input, { actor, ip }) => submitReport(actor, input, { ip }),
  revalidate: ['/my-party'],
});

export const reviewReportAction = createAction({
  name: 'partyReports.review',
  input: reportReviewInput.extend({ id: z.uuid() }),
  access: 'party_reports.review',
  run: async ({ id, ...input }, { actor, ip, locale }) => {
    const r = await reviewReport(actor, id, input, { ip, locale });
    return { id: r.id, reviewedAt: r.reviewedAt };
  },
  revalidate: ['/party/reports'],
});

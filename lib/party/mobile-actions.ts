'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { actOnMobileRecord, createMobileRecord, endMine, reportMine } from './mobile';
import { createMobileInput, endInput, MOBILE_ACTION_INPUTS, reportInput, type MobileSlug } from './mobile-schemas';

/**
 * 流动党员 from the pages: thin actions over lib/party/mobile.ts (which authorizes and runs the state machine), the same
 * service the API routes call. The secretaries' steps share one action `{ id, action, ...body }`, the body checked
 * against that step's schema.
 */

const REVALIDATE = ['/party/mobile', '/my-party'];
const STAFF_SLUGS = ['redirect', 'accept', 'lost-contact', 'restore', 'end', 'card-review', 'confirm-outflow'] as const satisfies readonly MobileSlug[];

export const registerMobileAction = createAction({
  name: 'partyMobile.register',
  input: createMobileInput,
  access: 'party_mobile.register',
  run: async (input, { actor, locale, ip }) => {
    const r = await createMobileRecord(actor, input, { ip, locale });
    return { id: r.id, state: r.state };
  },
  revalidate: REVALIDATE,
});

const stepInput = z
  .looseObject({ id: z.uuid(), action: z.enum(STAFF_SLUGS) })
  .transform((v, ctx) => {
    const { id, action, ...rest } = v;
    const body = MOBILE_ACTION_INPUTS[action].safeParse(rest);
    if (!body.success) {
      for (const issue of body.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }
    return { id, action, body: body.data as Record<string, unknown> };
  });

export const mobileStepAction = createAction({
  name: 'partyMobile.step',
  input: stepInput,
  access: 'party_mobile.act',
  run: async ({ id, action, body }, { actor, locale, ip }) => {
    const r = await actOnMobileRecord(actor, id, action, body, { ip, locale });
    return { id: r.id, state: r.state };
  },
  revalidate: REVALIDATE,
});

export const reportMineAction = createAction({
  name: 'partyMobile.reportMine',
  input: reportInput,
  access: 'party_mobile.report_own',
  run: async (input, { actor, locale, ip }) => {
    const r = await reportMine(actor, input, { ip, locale });
    return { id: r.id, state: r.state };
  },
  revalidate: REVALIDATE,
});

export const endMineAction = createAction({
  name: 'partyMobile.endMine',
  input: endInput,
  access: 'party_mobile.report_own',
  run: async (input, { actor, locale, ip }) => {
    const r = await endMine(actor, input, { ip, locale });
    return { id: r.id, state: r.state };
  },
  revalidate: REVALIDATE,
});

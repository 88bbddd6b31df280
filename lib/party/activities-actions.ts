'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { checkIn, confirmAttendance, createActivity, recordAttendance } from './activities';
import { checkInInput, createActivityInput, recordAttendanceInput } from './activities-schemas';

/** Organisational life from the pages: the same services as /api/v1/party/activities/** and /api/v1/me/party/activities/**. */

export const createActivityAction = createAction({
  name: 'partyActivities.create',
  input: createActivityInput,
  access: 'party_activities.manage',
  run: async (input, { actor, locale, ip }) => {
    const a = await createActivity(actor, input, { ip, locale });
    return { id: a.id };
  },
  revalidate: ['/party/activities'],
});

export const recordAttendanceAction = createAction({
  name: 'partyActivities.recordAttendance',
  input: recordAttendanceInput.extend({ activityId: z.uuid() }),
  access: 'party_activities.manage',
  run: async ({ activityId, ...input }, { actor, ip }) => {
    const r = await recordAttendance(actor, activityId, input, { ip });
    return { memberId: r.memberId, relation: r.relation, mayVote: r.mayVote };
  },
  revalidate: ['/party/activities'],
});

export const confirmAttendanceAction = createAction({
  name: 'partyActivities.confirm',
  input: z.strictObject({ activityId: z.uuid(), memberId: z.uuid() }),
  access: 'party_activities.manage',
  run: async ({ activityId, memberId }, { actor, ip }) => {
    const r = await confirmAttendance(actor, activityId, memberId, { ip });
    return { memberId: r.memberId, confirmed: r.confirmed };
  },
  revalidate: ['/party/activities'],
});

export const checkInAction = createAction({
  name: 'partyActivities.checkIn',
  input: checkInInput.extend({ activityId: z.uuid() }),
  access: 'party_activities.attend_own',
  run: async ({ activityId, ...input }, { actor, ip }) => {
    const r = await checkIn(actor, activityId, input, { ip });
    return { confirmed: r.confirmed, method: r.method };
  },
  revalidate: ['/my-party'],
});

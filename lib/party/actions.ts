'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { createPartyMember, revealPartyMemberId, setPartyConsent } from './members';
import { recordStatusDecision } from './member-status';
import { createPartyOrg, dissolvePartyOrg, rotateQrToken, updatePartyOrg } from './orgs';
import { createMemberInput, createOrgInput, dissolveOrgForm, partyConsentInput, revealMemberInput, statusDecisionInput, updateOrgInput } from './schemas';

/** Party organisations and members: thin actions over lib/party/orgs.ts and members.ts (which authorize). */

export const createOrgAction = createAction({
  name: 'party.createOrg',
  input: createOrgInput,
  access: 'party_orgs.manage',
  run: async (input, { actor, locale, ip }) => {
    const org = await createPartyOrg(actor, input, locale, ip);
    return { id: org.id };
  },
  revalidate: ['/party/orgs'],
});

export const updateOrgAction = createAction({
  name: 'party.updateOrg',
  input: z.strictObject({ id: z.uuid(), changes: updateOrgInput }),
  access: 'party_orgs.manage',
  run: async ({ id, changes }, { actor, locale, ip }) => {
    const org = await updatePartyOrg(actor, id, changes, locale, ip);
    return { id: org.id };
  },
  revalidate: ['/party/orgs'],
});

export const dissolveOrgAction = createAction({
  name: 'party.dissolveOrg',
  input: dissolveOrgForm,
  access: 'party_orgs.manage',
  run: async ({ id, ...body }, { actor, locale, ip }) => {
    const org = await dissolvePartyOrg(actor, id, body, locale, ip);
    return { id: org.id, status: org.status };
  },
  revalidate: ['/party/orgs'],
});

export const rotateQrAction = createAction({
  name: 'party.rotateQr',
  input: z.strictObject({ id: z.uuid() }),
  access: 'party_orgs.rotate_qr',
  run: async ({ id }, { actor, ip }) => {
    const r = await rotateQrToken(actor, id, ip);
    return { orgId: r.orgId, qrRotatedAt: r.qrRotatedAt };
  },
  revalidate: ['/party/orgs'],
});

export const registerMemberAction = createAction({
  name: 'party.registerMember',
  input: createMemberInput,
  access: 'party_members.register',
  run: async (input, { actor, locale, ip }) => {
    const m = await createPartyMember(actor, input, locale, ip);
    return { id: m.id };
  },
  revalidate: ['/party/members'],
});

export const revealMemberAction = createAction({
  name: 'party.revealMember',
  input: revealMemberInput.extend({ id: z.uuid() }),
  access: 'party_members.reveal',
  run: ({ id, reason }, { actor, ip }) => revealPartyMemberId(actor, id, reason, ip),
});

export const recordStatusDecisionAction = createAction({
  name: 'party.recordStatusDecision',
  input: statusDecisionInput.extend({ id: z.uuid() }),
  access: 'party_members.record_status',
  run: ({ id, ...decision }, { actor, ip }) => recordStatusDecision(actor, id, decision, ip),
  revalidate: ['/party/members'],
});

export const setPartyConsentAction = createAction({
  name: 'party.setConsent',
  input: partyConsentInput,
  access: 'party_record.consent_own',
  run: ({ granted }, { actor, ip }) => setPartyConsent(actor, granted, ip),
  revalidate: ['/my-party'],
});

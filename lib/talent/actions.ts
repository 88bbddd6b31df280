'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { revealTalentField } from './directory';
import { profileExtrasInput, profilePatchInput, registerInput, revealInput } from './schemas';
import { registerTalent, saveMyProfile, setConsent } from './service';

export const registerAction = createAction({
  name: 'talent.register',
  input: registerInput,
  access: 'public',
  run: async (input, { ip }) => {
    const { user } = await registerTalent(input, { ip, issueToken: false });
    return { id: user.id };
  },
});

/** One wizard step (or any partial edit): canonical fields plus presentation fields. */
export const saveProfileAction = createAction({
  name: 'talent.saveProfile',
  input: profilePatchInput.extend(profileExtrasInput.shape),
  access: 'profile.update_own',
  run: ({ artist_name, bio, showcase_enabled, wizard_step, ...canonical }, { actor, ip }) =>
    saveMyProfile(actor, canonical, { mode: 'patch', ip, extras: { artist_name, bio, showcase_enabled, wizard_step } }),
  revalidate: ['/profile'],
});

export const setConsentAction = createAction({
  name: 'talent.setConsent',
  input: z.strictObject({ kind: z.enum(['profile', 'sensitive']), granted: z.boolean() }),
  access: 'profile.update_own',
  run: ({ kind, granted }, { actor, ip }) => setConsent(actor, kind, granted, ip),
  revalidate: ['/profile'],
});

export const revealAction = createAction({
  name: 'talent.reveal',
  input: revealInput.extend({ id: z.uuid() }),
  access: 'talents.reveal',
  run: ({ id, field, reason }, { actor, ip }) => revealTalentField(actor, id, field, reason, ip),
});

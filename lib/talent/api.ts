import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { assignTalentZone, getTalentForStaff, listTalents, revealTalentField } from './directory';
import { exportQuery, exportTalents } from './export';
import { assignZoneInput, myProfileDto, profileExtrasInput, profileInput, profilePatchInput, registerInput, registerResponse, revealInput, talentListItem, talentListQuery } from './schemas';
import { getMyProfile, registerTalent, saveMyProfile, setConsent } from './service';
import { getShowcase, listShowcases, showcaseCard, showcaseDto, showcaseQuery } from './showcase';

export const registerTalentRoute = defineRoute({
  id: 'registerTalent',
  method: 'POST',
  path: '/api/v1/talents/register',
  summary: '景漂登记: create an account with identity and the two PIPL consents; returns a bearer token',
  tags: ['talents'],
  access: 'public',
  body: registerInput,
  response: registerResponse,
  status: 201,
  maxBodyBytes: 8192,
  handler: ({ body, ip, req }) => registerTalent(body, { ip, userAgent: req.headers.get('user-agent') }),
});

export const getMyProfileRoute = defineRoute({
  id: 'getMyProfile',
  method: 'GET',
  path: '/api/v1/me/profile',
  summary: 'My talent profile: canonical §6.2 fields, derived values, verification states; ID and phone masked',
  tags: ['talents'],
  access: 'profile.read_own',
  response: myProfileDto,
  handler: ({ actor }) => getMyProfile(actor),
});

export const putMyProfileRoute = defineRoute({
  id: 'putMyProfile',
  method: 'PUT',
  path: '/api/v1/me/profile',
  summary: 'Replace my canonical profile (absent or null fields become unknown)',
  tags: ['talents'],
  access: 'profile.update_own',
  body: profileInput,
  response: myProfileDto,
  handler: ({ actor, body, ip }) => saveMyProfile(actor, body, { mode: 'replace', ip }),
});

const patchBody = profilePatchInput.extend(profileExtrasInput.shape);

export const patchMyProfileRoute = defineRoute({
  id: 'patchMyProfile',
  method: 'PATCH',
  path: '/api/v1/me/profile',
  summary: 'Change some profile fields (canonical names) and presentation fields (artist_name, bio, showcase_enabled, wizard_step)',
  tags: ['talents'],
  access: 'profile.update_own',
  body: patchBody,
  response: myProfileDto,
  handler: ({ actor, body, ip }) => {
    const { artist_name, bio, showcase_enabled, wizard_step, ...canonical } = body;
    return saveMyProfile(actor, canonical, { mode: 'patch', ip, extras: { artist_name, bio, showcase_enabled, wizard_step } });
  },
});

export const setMyConsentRoute = defineRoute({
  id: 'setMyConsent',
  method: 'PUT',
  path: '/api/v1/me/consents/{kind}',
  summary: 'Grant or withdraw a consent (profile | sensitive); withdrawing stops that processing',
  tags: ['talents'],
  access: 'profile.update_own',
  params: z.strictObject({ kind: z.enum(['profile', 'sensitive']) }),
  body: z.strictObject({ granted: z.boolean() }),
  response: z.object({ profile: z.boolean(), sensitive: z.boolean() }),
  handler: ({ actor, params, body, ip }) => setConsent(actor, params.kind, body.granted, ip),
});

export const listTalentsRoute = defineRoute({
  id: 'listTalents',
  method: 'GET',
  path: '/api/v1/talents',
  summary: 'Staff directory of talents in the caller’s zone (masked, paginated)',
  tags: ['talents'],
  access: 'talents.read',
  query: talentListQuery,
  response: z.object({ items: z.array(talentListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  handler: ({ actor, query, ip }) => listTalents(actor, query, ip),
});

export const exportTalentsRoute = defineRoute({
  id: 'exportTalents',
  method: 'GET',
  path: '/api/v1/talents/export',
  summary: 'Stream the zone’s directory as CSV (UTF-8 with BOM) or XLSX; the stated purpose is audited',
  tags: ['talents'],
  access: 'talents.export',
  query: exportQuery,
  handler: ({ actor, query, locale, ip }) => exportTalents(actor, query, locale, ip),
});

export const getTalentRoute = defineRoute({
  id: 'getTalent',
  method: 'GET',
  path: '/api/v1/talents/{id}',
  summary: 'One talent in the caller’s zone, masked, with evidence',
  tags: ['talents'],
  access: 'talents.read',
  params: z.strictObject({ id: z.uuid() }),
  handler: ({ actor, params, ip }) => getTalentForStaff(actor, params.id, ip),
});

export const revealTalentRoute = defineRoute({
  id: 'revealTalent',
  method: 'POST',
  path: '/api/v1/talents/{id}/reveal',
  summary: 'Reveal a masked field (id_number | phone) with a stated reason; audited',
  tags: ['talents'],
  access: 'talents.reveal',
  params: z.strictObject({ id: z.uuid() }),
  body: revealInput,
  response: z.object({ field: z.string(), value: z.string().nullable() }),
  handler: ({ actor, params, body, ip }) => revealTalentField(actor, params.id, body.field, body.reason, ip),
});

export const assignTalentZoneRoute = defineRoute({
  id: 'assignTalentZone',
  method: 'PUT',
  path: '/api/v1/talents/{id}/zone',
  summary: 'Hand a talent of the caller\'s zone to another office, with a reason; audited (the assignment sticks when the talent moves)',
  tags: ['talents'],
  access: 'talents.assign_zone',
  params: z.strictObject({ id: z.uuid() }),
  body: assignZoneInput,
  response: z.object({ zone: z.string() }),
  handler: ({ actor, params, body, ip }) => assignTalentZone(actor, params.id, body.zone, body.reason, ip),
});

export const listShowcasesRoute = defineRoute({
  id: 'listShowcases',
  method: 'GET',
  path: '/api/v1/showcases',
  summary: 'Public directory of talent showcases (opt-in), filterable by craft',
  tags: ['showcases'],
  access: 'public',
  query: showcaseQuery,
  response: z.object({ items: z.array(showcaseCard), page: z.number().int() }),
  handler: ({ query }) => listShowcases(query),
});

export const getShowcaseRoute = defineRoute({
  id: 'getShowcase',
  method: 'GET',
  path: '/api/v1/showcases/{slug}',
  summary: 'One public showcase: crafts, verified honours, public works; nothing sensitive',
  tags: ['showcases'],
  access: 'public',
  params: z.strictObject({ slug: z.string().regex(/^[a-z0-9_-]{4,40}$/) }),
  response: showcaseDto,
  handler: ({ params }) => getShowcase(params.slug),
});

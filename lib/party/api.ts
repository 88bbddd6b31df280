import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { getPartyOrg, listPartyOrgs, partyOrgDto } from './service';

export const listPartyOrgsRoute = defineRoute({
  id: 'listPartyOrgs',
  method: 'GET',
  path: '/api/v1/party/orgs',
  summary: 'Party organisations visible to the caller (org_admin: all; branch secretary: own subtree)',
  tags: ['party'],
  access: 'party_orgs.read',
  response: z.object({ items: z.array(partyOrgDto) }),
  handler: async ({ actor, locale, ip }) => ({ items: await listPartyOrgs(actor, locale, ip) }),
});

export const getPartyOrgRoute = defineRoute({
  id: 'getPartyOrg',
  method: 'GET',
  path: '/api/v1/party/orgs/{id}',
  summary: 'One Party organisation (within the caller’s scope)',
  tags: ['party'],
  access: 'party_orgs.read',
  params: z.strictObject({ id: z.uuid() }),
  response: partyOrgDto,
  handler: ({ actor, params, locale, ip }) => getPartyOrg(actor, params.id, locale, ip),
});

import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { getZone, zoneDto } from './service';

export const getZoneRoute = defineRoute({
  id: 'getZone',
  method: 'GET',
  path: '/api/v1/zones/{code}',
  summary: 'Overview of a zone, for that zone’s staff',
  tags: ['zones'],
  access: 'zones.read',
  params: z.strictObject({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/) }),
  response: zoneDto,
  handler: ({ actor, params, locale, ip }) => getZone(actor, params.code, locale, ip),
});

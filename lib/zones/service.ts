import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users, zones } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';

export const zoneDto = z.object({ code: z.string(), name: z.string(), activeStaff: z.number().int() });
export type ZoneDto = z.infer<typeof zoneDto>;

/** A zone's overview, for the zone's own staff only. */
export async function getZone(actor: Actor | null, code: string, locale: Locale, ip: string): Promise<ZoneDto> {
  const me = await authorize(actor, 'zones.read', { zoneCode: code }, { ip, targetType: 'zone', targetId: code });
  void me;
  const db = await getDb();
  const [zone] = await db.select().from(zones).where(eq(zones.code, code)).limit(1);
  if (!zone) throw new AppError('NOT_FOUND');
  const [staff] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.zoneCode, code), eq(users.role, 'zone_staff'), isNull(users.disabledAt)));
  return { code: zone.code, name: locale === 'en' ? zone.nameEn : zone.nameZh, activeStaff: staff?.n ?? 0 };
}

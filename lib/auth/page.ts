import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { auditDenial } from './authorize';
import { getActor } from './current';
import { can, type Actor, type Permission } from './permissions';

/** For pages: the signed-in actor, or a redirect to /login (the data-access layer still authorizes every read). */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}

/** For pages that belong to one permission: a 403 page (and an audit row) for everyone else. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requirePageActor();
  if (!can(actor, permission)) {
    await auditDenial(actor, permission, { via: 'page' });
    forbidden();
  }
  return actor;
}

import { roleHas, type Actor, type Permission } from '@/lib/auth/permissions';

/**
 * Who may call an entry point (server action or API route): anyone, any signed-in user, or holders of a permission.
 * The entry point checks this coarse gate; services check resource scope with `authorize()`.
 */
export type Access = 'public' | 'authenticated' | Permission;

export function accessAllows(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'authenticated') return true;
  return roleHas(actor.role, access);
}

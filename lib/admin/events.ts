import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/**
 * Events of the administration domain. An account disabled or enabled again changes what is public about the person
 * (a disabled talent's showcase and mentor page are hidden at once, lib/talent/queries.ts displayRuleOn), so the
 * cached showcases are renewed on it (ADR 019).
 */
export const accountStatusChanged = defineEvent('account.status_changed', 'user', z.object({ userId: z.uuid(), disabled: z.boolean() }));

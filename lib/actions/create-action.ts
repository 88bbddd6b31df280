import 'server-only';
import type { z } from 'zod';
import { accessAllows, type Access } from '@/lib/access';
import { auditCrossOrigin, auditDenial } from '@/lib/auth/authorize';
import { renewPublicPages } from '@/lib/cache/public-pages';
import { collectEventTypes } from '@/lib/events';
import { getActor } from '@/lib/auth/current';
import type { Actor } from '@/lib/auth/permissions';
import { clientIp } from '@/lib/http/client-ip';
import { requestHeaders } from '@/lib/http/context';
import { AppError, type ProblemCode } from '@/lib/http/errors';
import { crossSiteReason } from '@/lib/http/origin';
import { translate, type Locale } from '@/lib/i18n';
import { localeFromHeaders } from '@/lib/i18n/server';
import { logError } from '@/lib/log';
import { fieldErrorsFromZod, localiseFieldErrors, safeParseLocalised } from '@/lib/validation';
import type { ActionResult } from './result';

export interface ActionContext {
  actor: Actor | null;
  locale: Locale;
  ip: string;
}

export interface ActionMeta {
  name: string;
  access: Access;
}

/** Every server action built by createAction, for the permission-matrix test. */
export const actionRegistry = ((globalThis as { __jpActions?: Map<unknown, ActionMeta> }).__jpActions ??= new Map());

function failure(code: ProblemCode, locale: Locale, fieldErrors?: Record<string, string[]>, detail?: string): ActionResult<never> {
  return { ok: false, code, formError: detail ?? translate(locale, `problem.${code}`), ...(fieldErrors ? { fieldErrors } : {}) };
}

/**
 * The one action factory: parse with the use case's zod schema → authenticate → authorize (coarse, by role) →
 * call the service (which checks resource scope) → typed result with localised field errors.
 * Every server action is a public POST endpoint; nothing here trusts the caller.
 */
export function createAction<S extends z.ZodType, T>(def: {
  name: string;
  input: S;
  access: Access;
  run: (input: z.output<S>, ctx: ActionContext & { actor: Actor | null }) => Promise<T>;
  /** Paths to revalidate after success. */
  revalidate?: string[];
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const headers = await requestHeaders();
    const locale = localeFromHeaders(headers);
    const ip = clientIp(headers);
    try {
      // Next checks Origin against Host before it runs an action, but lets a request without Origin through and
      // trusts X-Forwarded-Host; the proxy answers those 403 first, and this repeats the check for any other caller.
      const crossSite = crossSiteReason(headers);
      if (crossSite) {
        await auditCrossOrigin(crossSite, { ip, via: `action:${def.name}`, method: 'POST' });
        return failure('CROSS_ORIGIN', locale);
      }
      let parsed: ReturnType<typeof safeParseLocalised<S>>;
      try {
        parsed = safeParseLocalised(def.input, raw, locale);
      } catch {
        return failure('VALIDATION_FAILED', locale); // an input zod cannot even walk (throwing getters, cycles)
      }
      if (!parsed.success) return failure('VALIDATION_FAILED', locale, fieldErrorsFromZod(parsed.error, locale));
      const actor = def.access === 'public' ? await getActor().catch(() => null) : await getActor();
      if (!accessAllows(def.access, actor)) {
        await auditDenial(actor, def.access === 'public' ? 'authenticated' : def.access, { ip, via: `action:${def.name}` });
        return failure(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', locale);
      }
      const { result: data, types } = await collectEventTypes(() => def.run(parsed.data, { actor, locale, ip }));
      await renewPublicPages(types);
      if (def.revalidate?.length) {
        try {
          const { revalidatePath } = await import('next/cache');
          for (const p of def.revalidate) revalidatePath(p);
        } catch {
          /* outside a Next request (tests, scripts): nothing to revalidate */
        }
      }
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) {
        const fe = err.options.fieldErrors ? localiseFieldErrors(err.options.fieldErrors, locale) : undefined;
        return failure(err.code, locale, fe, err.options.detailKey ? translate(locale, err.options.detailKey) : undefined);
      }
      logError(`action:${def.name}`, err);
      return failure('INTERNAL', locale);
    }
  };
  actionRegistry.set(action, { name: def.name, access: def.access });
  return action;
}

import 'server-only';
import { notFound } from 'next/navigation';
import { clientIp } from './client-ip';
import { requestHeaders } from './context';
import { AppError } from './errors';

/** The client address while rendering a page or running an action (for audit rows). */
export async function clientIpForPage(): Promise<string> {
  return clientIp(await requestHeaders());
}

/**
 * For pages that show one record: a service's NOT_FOUND, FORBIDDEN (out of the actor's scope; the service has audited
 * the denial) or VALIDATION_FAILED becomes the 404 page instead of an error page with status 500; nothing tells an
 * out-of-scope record from a missing one. Anything else propagates.
 */
export async function loadForPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' || err.code === 'VALIDATION_FAILED')) notFound();
    throw err;
  }
}

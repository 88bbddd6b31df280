import 'server-only';
import { clientIp } from './client-ip';
import { requestHeaders } from './context';

/** The client address while rendering a page or running an action (for audit rows). */
export async function clientIpForPage(): Promise<string> {
  return clientIp(await requestHeaders());
}

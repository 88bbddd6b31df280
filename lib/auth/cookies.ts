/** Cookie names: `__Secure-` prefixed when the site is served over HTTPS (NEXTAUTH_URL https://…). */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(): string {
  return secureCookies() ? '__Secure-jp.session' : 'jp.session';
}

/** Cookie names: `__Host-` prefixed (Secure, Path=/, no Domain) when the site is served over HTTPS (NEXTAUTH_URL https://…). */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(): string {
  return secureCookies() ? '__Host-jp.session' : 'jp.session';
}

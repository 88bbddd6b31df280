import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/next-auth';

// next-auth v4 handles the credentials callback, CSRF and sign-out; the options are built on first request so that
// `next build` needs no secrets.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

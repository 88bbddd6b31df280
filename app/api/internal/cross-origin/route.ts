import { refuseCrossSitePost } from '@/lib/http/cross-origin-refusal';

/** Only reached through proxy.ts's rewrite of a cross-site POST to a page (lib/http/cross-origin-refusal.ts). */
export const POST = refuseCrossSitePost;

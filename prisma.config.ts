import { defineConfig } from "prisma/config";

// Migrations are plain SQL applied by scripts/migrate.ts (the Prisma schema engine binary cannot be
// downloaded everywhere Bumpers runs); this config serves `prisma generate` and editors.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bumpers" },
});

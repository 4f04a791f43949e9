import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next's react-server build, "server-only" throws on import; tests are server code.
      "server-only": path.join(root, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "scripts/**/*.test.ts",
      "prisma/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup.ts"],
    environment: "node",
    // Generous: integration tests ingest real reports, and a busy machine must not turn slowness into failures.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests share one freshly migrated database; each makes its own org.
    pool: "forks",
    maxWorkers: 2,
  },
});

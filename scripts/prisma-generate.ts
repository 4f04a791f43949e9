// `prisma generate` without any download: the client generator needs no native engine, but the
// CLI insists on finding a schema engine binary, so point it at any executable.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidate = ["/usr/bin/true", "/bin/true"].find((p) => existsSync(p));
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? candidate },
});
process.exit(result.status ?? 1);

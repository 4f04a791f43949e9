import { resealSecrets } from "@/lib/security/reseal-secrets";
import { pool } from "@/lib/server/db";

// Step 2 of an encryption key rotation (docs/security.md): with BUMPERS_ENCRYPTION_KEY set to the
// new key and BUMPERS_ENCRYPTION_KEY_PREVIOUS to the old one, re-seal every stored secret under the
// new key. Safe to run again; afterwards the previous key can be removed.

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the database whose secrets to re-seal.");
  process.exit(2);
}
try {
  const report = await resealSecrets();
  for (const { column, resealed, alreadyCurrent } of report) {
    console.log(`${column}: ${resealed} re-sealed, ${alreadyCurrent} already under the current key`);
  }
  console.log("Done. BUMPERS_ENCRYPTION_KEY_PREVIOUS can now be removed.");
} catch (err) {
  console.error(`Stopped: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}

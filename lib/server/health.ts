import "server-only";
import { pool } from "./db";

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await pool.query("SELECT 1");
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    // The reason goes to the server log only; the public answer stays generic.
    console.error("[health] database check failed");
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: "database unreachable" };
  }
}

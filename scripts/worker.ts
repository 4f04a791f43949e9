// The ingest worker as its own process (`npm start` runs one beside Next.js).
import { startWorker } from "@/lib/worker/worker";
import { pool } from "@/lib/server/db";

const worker = startWorker();
console.log("[worker] processing reports");

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // Finishes the report in progress (its transaction commits or rolls back), then exits.
  await worker.stop();
  await pool.end();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

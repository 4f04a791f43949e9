import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { AppError } from "@/lib/server/errors";

/** The largest report accepted, after decompression (the agent's biggest reports are Trivy's). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The report is larger than the ${formatBytes(maxBytes)} limit.`, { maxBytes });

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function isGzip(req: Request, bytes: Buffer): boolean {
  const encoding = req.headers.get("content-encoding")?.toLowerCase() ?? "";
  // The agent may gzip without saying so; the magic bytes give it away.
  return encoding.split(",").some((e) => e.trim() === "gzip") || (bytes[0] === 0x1f && bytes[1] === 0x8b);
}

/**
 * Reads a request body of at most `maxBytes`, gunzipped when it is gzip. Stops reading as soon
 * as the cap is passed, and bounds decompression too, so neither a huge upload nor a gzip bomb
 * can exhaust memory.
 */
export async function readReportBody(req: Request, maxBytes: number = MAX_REPORT_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const raw = await readCapped(req, maxBytes);
  if (!isGzip(req, raw)) return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new AppError("bad_request", `The body is not valid gzip: ${(err as Error).message}`);
  }
}

async function readCapped(req: Request, maxBytes: number): Promise<Buffer> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      // The client went away mid-body (ECONNRESET, an aborted upload): its request, not the
      // database, failed; a socket errno here must not be mistaken for a database outage.
      throw new AppError("bad_request", `The request body was cut off: ${(err as Error).message}`);
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

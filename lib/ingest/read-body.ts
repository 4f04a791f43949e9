import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { AppError } from "@/lib/server/errors";
import { readCapped } from "@/lib/server/read-capped";

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
  const raw = await readCapped(req, maxBytes, {
    tooLarge: () => tooLarge(maxBytes),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  if (!isGzip(req, raw)) return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new AppError("bad_request", `The body is not valid gzip: ${(err as Error).message}`);
  }
}

// Request bodies are read with a cap: a declared Content-Length over it is refused before a byte
// is read, and a body without one (chunked) is read only until the cap is passed, then the stream
// is cancelled. So neither a huge upload nor an endless stream holds memory or time. Outbound
// requests read their answers through it too (anything with headers and a body stream).

/** A Request, a Response, or any message with headers and a web body stream. */
type TCappedBody = Pick<Request, "headers" | "body">;

/** The declared Content-Length, or null when absent or not a plain number. */
export function declaredLength(req: TCappedBody): number | null {
  const raw = req.headers.get("content-length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/**
 * Reads at most `maxBytes` of the body. `tooLarge` makes the error thrown past the cap; `cutOff`
 * the one thrown when the client goes away mid-body (its request failed, not the database).
 */
export async function readCapped(
  req: TCappedBody,
  maxBytes: number,
  errors: { tooLarge: () => Error; cutOff: (cause: Error) => Error },
): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > maxBytes) throw errors.tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      // ECONNRESET, an aborted upload: a socket errno here must not be mistaken for a database outage.
      throw errors.cutOff(err as Error);
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

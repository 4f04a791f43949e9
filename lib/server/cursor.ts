import type { z } from "zod";
import { AppError } from "./errors";

/** Cursors are opaque to clients: base64url of a small JSON position. */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "The cursor is not valid; start again without it.", { field: "cursor" });
  }
}

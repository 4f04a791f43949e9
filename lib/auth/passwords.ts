import "server-only";
import bcrypt from "bcryptjs";
import { env } from "@/lib/server/env";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BUMPERS_BCRYPT_COST);
}

// A fixed hash to compare against when the user does not exist, so timing does not reveal emails.
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO5sYt1RrjAcgMmz0G0S3m1hUe6j0d8yW";

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}

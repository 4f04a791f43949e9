import "server-only";
import bcrypt from "bcryptjs";
import { env } from "@/lib/server/env";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BUMPERS_BCRYPT_COST);
}

// Compared against when the account does not exist or has no password, so that the answer
// takes as long as for a real account and timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword("bumpers-timing-equalizer");
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}

import { resetEnvCache } from "@/lib/server/env";

// Tests that change BUMPERS_ENCRYPTION_KEY (and its previous key) set them through here and put
// the run's own keys back afterwards, so later tests in the same worker still find theirs.

const saved = {
  current: process.env.BUMPERS_ENCRYPTION_KEY,
  previous: process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS,
};

function setVariable(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Sets the current and previous keys; `undefined` unsets one. */
export function setEncryptionKeys(current: string | undefined, previous?: string): void {
  setVariable("BUMPERS_ENCRYPTION_KEY", current);
  setVariable("BUMPERS_ENCRYPTION_KEY_PREVIOUS", previous);
  resetEnvCache();
}

/** The keys as they were when the test file loaded. */
export function restoreEncryptionKeys(): void {
  setEncryptionKeys(saved.current, saved.previous);
}

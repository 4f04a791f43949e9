import type { TSsoFailure } from "./types";

/**
 * A sign-in through SSO refused for a reason the person can be told (the sign-in page maps
 * `reason` to a sentence); `detail` goes to the server log only, never to the browser, since it
 * may describe what a forged response got wrong.
 */
export class SsoError extends Error {
  constructor(
    readonly reason: TSsoFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = "SsoError";
  }
}

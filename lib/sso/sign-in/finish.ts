import "server-only";
import type { TVerifiedIdentity } from "../types";

/**
 * Turns an identity a protocol module verified into a Bumpers session: checks the email's domain
 * is claimed by the org, finds or (JIT) creates the user, re-applies the group mappings, and
 * answers with a redirect that hands a single-use ticket to next-auth's "sso" provider
 * (/login/sso). Refusals redirect to /login?error=<TSsoFailure>.
 */
export async function finishSsoSignIn(identity: TVerifiedIdentity, origin: string): Promise<Response> {
  void identity;
  void origin;
  throw new Error("finishSsoSignIn: the sign-in hand-over is not built yet");
}

import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { limitSignInAttempts } from "@/lib/auth/sign-in-rate-limit";
import { clearSsoTicketAfterUse } from "@/lib/auth/sso-ticket-response";

// next-auth reads the options per request so that env() is parsed at runtime, not at build.
type TContext = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: TContext) => NextAuth(req as never, ctx as never, authOptions());

export async function POST(req: Request, ctx: TContext) {
  const limited = await limitSignInAttempts(req);
  if (limited) return limited;
  return clearSsoTicketAfterUse(req, await handler(req, ctx));
}

export { handler as GET };

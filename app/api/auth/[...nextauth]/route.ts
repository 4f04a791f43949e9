import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth reads the options per request so that env() is parsed at runtime, not at build.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };

import "next-auth";
import "next-auth/jwt";

// The session exposes only the user id and the session version it was issued with; everything
// else is read from the database per request.
declare module "next-auth" {
  interface Session {
    user: { id: string; sv: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version at sign-in (lib/auth/session-user.ts). */
    sv?: number;
  }
}

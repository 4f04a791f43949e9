import "next-auth";

// The session exposes only the user id; everything else is read from the database per request.
declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}

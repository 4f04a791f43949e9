import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { authorizeCredentials } from "./authorize-credentials";
import { safeCallbackUrl } from "./callback-url";
import { clientIpOf } from "./client-ip";
import { findOrCreateOAuthUser } from "./oauth-users";

function oauthProviders(): NextAuthOptions["providers"] {
  const e = env();
  const providers: NextAuthOptions["providers"] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET)
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

/** Which OAuth providers are switched on, for the sign-in page. */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // The JWT carries only the user id; memberships are read on every request so that a
    // removed member loses access at once.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, clientIpOf(req?.headers)),
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // After signing in or out (OAuth and signOut's callbackUrl): only paths on this site.
      redirect({ url, baseUrl }) {
        return `${baseUrl.replace(/\/+$/, "")}${safeCallbackUrl(url, baseUrl)}`;
      },
      async signIn({ account, profile, user }) {
        if (!account || account.provider === "credentials") return true;
        const email = (profile?.email ?? user.email ?? "").toLowerCase();
        if (!email) return "/login?error=OAuthNoEmail";
        await findOrCreateOAuthUser(email, profile?.name ?? user.name ?? email);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "credentials") {
            token.sub = user.id;
          } else {
            const found = await db.user.findUnique({ where: { email: (user.email ?? "").toLowerCase() } });
            token.sub = found?.id;
          }
        }
        return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.sub ?? "" } };
      },
    },
  };
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/lib/server/db";
import { originFrom } from "@/lib/server/app-url";
import { env } from "@/lib/server/env";
import { authorizeCredentials } from "./authorize-credentials";
import { safeCallbackUrl } from "./callback-url";
import { clientIpOf } from "./client-ip";
import { findOrCreateOAuthUser } from "./oauth-users";
import { currentSessionVersion } from "./session-user";
import { consumeSsoTicket, ssoTicketFromCookies } from "./sso-ticket";

/** The provider that turns a sign-in ticket from the org's SSO (lib/sso/sign-in) into a session. */
export const SSO_PROVIDER_ID = "sso";

type TAmr = "password" | "oauth" | "sso";
const amrOf = (provider: string): TAmr =>
  provider === "credentials" ? "password" : provider === SSO_PROVIDER_ID ? "sso" : "oauth";

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
    // The JWT carries only the user id and session version; memberships are read on every
    // request so that a removed member loses access at once. It expires after
    // BUMPERS_SESSION_IDLE_HOURS without a visit: next-auth re-issues the cookie with a fresh
    // expiry whenever /api/auth/session is read, which the signed-in app does on every visit
    // (components/auth/session-keep-alive.tsx). `updateAge` only applies to database sessions.
    session: { strategy: "jwt", maxAge: env().BUMPERS_SESSION_IDLE_HOURS * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) =>
          authorizeCredentials(
            credentials,
            clientIpOf(req?.headers),
            originFrom(env().NEXTAUTH_URL, new Headers(req?.headers as Record<string, string> | undefined)),
          ),
      }),
      CredentialsProvider({
        id: SSO_PROVIDER_ID,
        name: "Single sign-on",
        credentials: {},
        // The ticket is the HttpOnly cookie finishSsoSignIn set: used once, within a minute. Its
        // cookie is cleared on next-auth's answer (app/api/auth/[...nextauth]/route.ts).
        authorize: async (_credentials, req) => {
          const ticket = await consumeSsoTicket(ssoTicketFromCookies(req?.headers?.cookie));
          if (!ticket) return null;
          return {
            id: ticket.id,
            email: ticket.email,
            name: ticket.name,
            ssoOrgId: ticket.ssoOrgId,
            ssoUntil: ticket.ssoUntil,
          };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // After signing in or out (OAuth and signOut's callbackUrl): only paths on this site.
      redirect({ url, baseUrl }) {
        return `${baseUrl.replace(/\/+$/, "")}${safeCallbackUrl(url, baseUrl)}`;
      },
      // OAuth creates the user only: memberships come from invitations, the org's SSO or SCIM, and
      // an org that enforces SSO refuses the session at access (lib/auth/access.ts).
      async signIn({ account, profile, user }) {
        if (!account || amrOf(account.provider) !== "oauth") return true;
        const email = (profile?.email ?? user.email ?? "").toLowerCase();
        if (!email) return "/login?error=OAuthNoEmail";
        await findOrCreateOAuthUser(email, profile?.name ?? user.name ?? email);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const method = amrOf(account.provider);
          if (method !== "oauth") {
            token.sub = user.id;
          } else {
            const found = await db.user.findUnique({ where: { email: (user.email ?? "").toLowerCase() } });
            token.sub = found?.id;
          }
          // Sessions issued now die when the version is next incremented (sign out everywhere).
          token.sv = token.sub ? ((await currentSessionVersion(token.sub)) ?? 0) : 0;
          // How the session was opened: enforcement of an org's SSO reads it on every request.
          token.amr = method;
          token.sso =
            method === "sso" && user.ssoOrgId ? { org: user.ssoOrgId, until: user.ssoUntil ?? null } : undefined;
        }
        const { sub, sv, iat, exp, jti, amr, sso } = token;
        return { sub, sv, iat, exp, jti, ...(amr ? { amr } : {}), ...(sso ? { sso } : {}) };
      },
      async session({ session, token }) {
        const { amr, sso } = token;
        return {
          ...session,
          user: { id: token.sub ?? "", sv: token.sv ?? 0, ...(amr ? { amr } : {}), ...(sso ? { sso } : {}) },
        };
      },
    },
  };
}

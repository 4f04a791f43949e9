import type http from "node:http";
import type { Interaction, Provider } from "oidc-provider";
import { escapeHtml, htmlPage } from "./fake-http";

// The fake identity provider's own pages (oidc-provider leaves interactions to the host): a
// sign-in form with an email and a password (labelled, so Playwright fills it by label), a
// Cancel button that answers the client with error=access_denied, and consent given
// automatically, as a company IdP does for an application its admins registered.
//
//   GET  /interaction/:uid         the sign-in form (or, at the consent step, straight on)
//   POST /interaction/:uid/login   email=…&password=…
//   POST /interaction/:uid/abort   the person cancels

export type TFakeOidcUser = {
  sub: string;
  email: string;
  name: string;
  groups: string[];
  /** When unset, any password (also none) signs this user in. */
  password?: string;
  /** Sent as `email_verified`; true unless set. */
  emailVerified?: boolean;
};

const MAX_FORM_BYTES = 64 * 1024;

export const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/;

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) req.destroy(new Error("form too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

function sendPage(res: http.ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(htmlPage(title, body));
}

function signInForm(interaction: Interaction, users: TFakeOidcUser[], error: string | null): string {
  const uid = escapeHtml(interaction.uid);
  const client = escapeHtml(String(interaction.params.client_id ?? "an application"));
  const known = users.map((u) => escapeHtml(u.email)).join(", ") || "none";
  return `<p>Sign in to continue to <strong>${client}</strong>.</p>
${error ? `<p class="bad" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<p><label for="email">Email</label><br><input id="email" name="email" type="email" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Sign in</button></p>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
<p class="meta">Test identity provider. Users: ${known}.</p>`;
}

/** Gives the client what it asked for, as the admin-approved consent of a company IdP. */
async function consentAutomatically(provider: Provider, interaction: Interaction): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (!accountId || !clientId) throw new Error("consent without a signed-in person or a client");
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  const { missingOIDCScope = [], missingOIDCClaims = [], missingResourceScopes = {} } = interaction.prompt.details;
  if (missingOIDCScope.length > 0) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims.length > 0) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  return grant.save();
}

export async function handleInteraction(
  provider: Provider,
  users: () => TFakeOidcUser[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
  action: "show" | "login" | "abort",
): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch {
    return sendPage(
      res,
      400,
      "Sign-in expired",
      "<p>This sign-in is no longer valid. Start again from the application.</p>",
    );
  }

  if (action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The person cancelled the sign-in." },
      { mergeWithLastSubmission: false },
    );
  }

  if (action === "login") {
    const form = await readForm(req);
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const user = users().find((u) => u.email.toLowerCase() === email);
    if (!user || (user.password !== undefined && user.password !== form.get("password"))) {
      return sendPage(res, 200, "Sign in", signInForm(interaction, users(), "Wrong email or password."));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  if (interaction.prompt.name === "consent") {
    const grantId = await consentAutomatically(provider, interaction);
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  return sendPage(res, 200, "Sign in", signInForm(interaction, users(), null));
}

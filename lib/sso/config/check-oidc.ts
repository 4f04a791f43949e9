import "server-only";
import { z } from "zod";
import { checkDestinationUrl } from "@/lib/server/outbound/destination";
import type { TOidcSettings } from "../schemas";
import { fetchIdpJson } from "./fetch-idp-document";
import { ok, problem, warning, type TValidationCheck } from "./validation-checks";

// The OpenID Connect checks of "validate configuration": the provider's discovery document is
// reachable and names the configured issuer, it has the endpoints the code flow needs, it accepts
// PKCE with S256, and its JWKS has a key to check ID token signatures with.

const ZDiscovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().optional(),
  token_endpoint: z.string().optional(),
  jwks_uri: z.string().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

const ZJwks = z.object({
  keys: z.array(z.object({ kty: z.string(), use: z.string().optional(), kid: z.string().optional() })),
});

const SIGNING_KEY_TYPES = new Set(["RSA", "EC", "OKP"]);

export const discoveryUrlOf = (issuer: string) => `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;

function endpointProblem(name: string, url: string | undefined): string | null {
  if (!url) return `The discovery document has no ${name}.`;
  const refused = checkDestinationUrl(url);
  return refused ? `The ${name} ${url} is not usable: ${refused}` : null;
}

export async function checkOidc(settings: TOidcSettings, clientSecretSet: boolean): Promise<TValidationCheck[]> {
  const checks: TValidationCheck[] = [
    clientSecretSet
      ? ok("Client credentials", `Client ID ${settings.clientId}; a client secret is stored.`)
      : problem("Client credentials", "No client secret is stored: enter it in the identity provider form."),
  ];
  const url = discoveryUrlOf(settings.issuer);
  const fetched = await fetchIdpJson(url);
  if (!fetched.ok) return [...checks, problem("Discovery document", `${url}: ${fetched.reason}`)];
  const parsed = ZDiscovery.safeParse(fetched.json);
  if (!parsed.success) {
    return [
      ...checks,
      problem("Discovery document", `${url} is not an OpenID Connect discovery document (no issuer).`),
    ];
  }
  const discovery = parsed.data;
  checks.push(ok("Discovery document", `Read ${url}.`));

  checks.push(
    discovery.issuer === settings.issuer
      ? ok("Issuer", `The provider names itself ${discovery.issuer}, as configured.`)
      : problem(
          "Issuer",
          `The provider names itself "${discovery.issuer}" but the configured issuer is "${settings.issuer}". ` +
            "ID tokens must carry exactly the configured issuer: enter the provider's value.",
        ),
  );

  const endpointProblems = [
    endpointProblem("authorization_endpoint", discovery.authorization_endpoint),
    endpointProblem("token_endpoint", discovery.token_endpoint),
  ].filter((p): p is string => p !== null);
  checks.push(
    endpointProblems.length
      ? problem("Endpoints", endpointProblems.join(" "))
      : ok("Endpoints", `Authorization ${discovery.authorization_endpoint}; token ${discovery.token_endpoint}.`),
  );

  const methods = discovery.code_challenge_methods_supported;
  checks.push(
    methods === undefined
      ? warning(
          "PKCE",
          "The provider does not list its PKCE methods; Bumpers sends S256, which Entra ID and most providers accept.",
        )
      : methods.includes("S256")
        ? ok("PKCE", "S256 is supported.")
        : problem("PKCE", `The provider supports ${methods.join(", ") || "no"} PKCE methods, not S256.`),
  );

  checks.push(await checkJwks(discovery.jwks_uri));
  return checks;
}

async function checkJwks(jwksUri: string | undefined): Promise<TValidationCheck> {
  const label = "Signing keys (JWKS)";
  const refused = endpointProblem("jwks_uri", jwksUri);
  if (refused) return problem(label, refused);
  const fetched = await fetchIdpJson(jwksUri!);
  if (!fetched.ok) return problem(label, `${jwksUri}: ${fetched.reason}`);
  const parsed = ZJwks.safeParse(fetched.json);
  if (!parsed.success) return problem(label, `${jwksUri} is not a JSON Web Key Set.`);
  const signing = parsed.data.keys.filter(
    (k) => SIGNING_KEY_TYPES.has(k.kty) && (k.use === undefined || k.use === "sig"),
  );
  return signing.length
    ? ok(label, `${signing.length} signing key${signing.length === 1 ? "" : "s"} at ${jwksUri}.`)
    : problem(label, `${jwksUri} has no signing key (RSA, EC or OKP with use "sig").`);
}

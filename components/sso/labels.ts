import type { TSsoProtocol } from "@/lib/sso/schemas";

export const PROTOCOL_LABELS: Record<TSsoProtocol, string> = { oidc: "OpenID Connect", saml: "SAML 2.0" };

"use client";

import { useState } from "react";
import type { TSsoConnectionView } from "@/lib/sso/config/queries";
import type { TSsoProtocol } from "@/lib/sso/schemas";
import { Alert } from "@/components/ui/alert";
import { PROTOCOL_LABELS } from "./labels";
import { OidcForm } from "./oidc-form";
import { SamlForm } from "./saml-form";

const CHOICES: { value: TSsoProtocol; label: string; hint: string }[] = [
  { value: "oidc", label: "OpenID Connect", hint: "Okta, Entra ID, Google Workspace, Keycloak, JumpCloud" },
  { value: "saml", label: "SAML 2.0", hint: "Any SAML IdP: from its metadata or by hand" },
];

/** The IdP's settings, with an OIDC | SAML choice; one connection per organization. */
export function IdentityProviderForm({
  orgSlug,
  connection,
}: {
  orgSlug: string;
  connection: TSsoConnectionView | null;
}) {
  const [protocol, setProtocol] = useState<TSsoProtocol>(connection?.protocol ?? "oidc");
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Protocol</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {CHOICES.map((choice) => (
            <label
              key={choice.value}
              className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-500/30 ${
                protocol === choice.value ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
              }`}
            >
              <input
                type="radio"
                name="protocol-choice"
                value={choice.value}
                checked={protocol === choice.value}
                onChange={() => setProtocol(choice.value)}
                className="mt-0.5 size-4 border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              <span>
                <span className="block font-medium text-slate-900">{choice.label}</span>
                <span className="block text-xs text-slate-500">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {connection && connection.protocol !== protocol ? (
        <Alert tone="warning">
          Saving replaces the {PROTOCOL_LABELS[connection.protocol]} connection: people then sign in through the new
          settings once they are validated.
        </Alert>
      ) : null}
      {protocol === "oidc" ? (
        <OidcForm orgSlug={orgSlug} current={connection?.protocol === "oidc" ? connection : null} />
      ) : (
        <SamlForm orgSlug={orgSlug} current={connection?.protocol === "saml" ? connection : null} />
      )}
    </div>
  );
}

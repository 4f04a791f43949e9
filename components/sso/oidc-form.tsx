"use client";

import type { TSsoConnectionView } from "@/lib/sso/config/queries";
import { saveOidcConnectionAction } from "@/lib/sso/actions";
import { Alert } from "@/components/ui/alert";
import { CodeInput, Field, Input } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SaveNotice } from "./save-notice";

type TOidcView = Extract<TSsoConnectionView, { protocol: "oidc" }>;

export function OidcForm({ orgSlug, current }: { orgSlug: string; current: TOidcView | null }) {
  const { state, submit, pending, errors, formError } = useActionForm(saveOidcConnectionAction);
  const settings = current?.oidc;
  const secretSet = current?.clientSecretSet ?? false;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug }} />
      {state?.ok ? <SaveNotice outcome={state.data} /> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        id="oidc-issuer"
        label="Issuer URL"
        errors={errors.issuer}
        hint={
          <>
            Exactly as the provider names itself; discovery is read from its{" "}
            <code className="font-mono">/.well-known/openid-configuration</code>. Okta:{" "}
            <code className="font-mono">https://acme.okta.com/oauth2/default</code>, Entra ID:{" "}
            <code className="font-mono">https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</code>, Google:{" "}
            <code className="font-mono">https://accounts.google.com</code>, Keycloak:{" "}
            <code className="font-mono">https://sso.acme.com/realms/acme</code>.
          </>
        }
      >
        <CodeInput name="issuer" type="url" required defaultValue={settings?.issuer ?? ""} placeholder="https://" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="oidc-client-id" label="Client ID" errors={errors.clientId}>
          <CodeInput name="clientId" required defaultValue={settings?.clientId ?? ""} />
        </Field>
        <Field
          id="oidc-client-secret"
          label="Client secret"
          errors={errors.clientSecret}
          hint={
            secretSet
              ? "A secret is stored ✓. Leave empty to keep it; it is never shown."
              : "Stored encrypted; never shown again."
          }
        >
          <Input
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            placeholder={secretSet ? "•••••••• (stored)" : ""}
            required={!secretSet}
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="oidc-scopes"
          label="Scopes"
          errors={errors.scopes}
          hint="Separated by spaces; openid is always sent."
        >
          <CodeInput name="scopes" defaultValue={(settings?.scopes ?? ["openid", "email", "profile"]).join(" ")} />
        </Field>
        <Field
          id="oidc-groups-claim"
          label="Groups claim"
          errors={errors.groupsClaim}
          hint="The ID token claim with the person's groups (Okta, Keycloak: groups; Entra ID: groups)."
        >
          <CodeInput name="groupsClaim" defaultValue={settings?.groupsClaim ?? "groups"} placeholder="groups" />
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save OpenID Connect settings
      </SubmitButton>
    </form>
  );
}

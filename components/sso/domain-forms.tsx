"use client";

import { claimSsoDomainAction, removeSsoDomainAction } from "@/lib/sso/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CodeInput, Field } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export function ClaimDomainForm({ orgSlug, ownDomain }: { orgSlug: string; ownDomain: string }) {
  const { submit, pending, errors, formError } = useActionForm(claimSsoDomainAction);
  const domainErrors = errors.domain ?? (formError ? [formError] : undefined);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
      <HiddenFields values={{ org: orgSlug }} />
      <Field id="sso-domain" label="Domain" hideLabel errors={domainErrors} className="w-64">
        <CodeInput name="domain" defaultValue={ownDomain} required />
      </Field>
      <SubmitButton pending={pending} pendingLabel="Claiming…">
        Claim domain
      </SubmitButton>
    </form>
  );
}

export function RemoveDomainButton({ orgSlug, domain }: { orgSlug: string; domain: string }) {
  return (
    <ConfirmAction
      action={removeSsoDomainAction}
      fields={{ org: orgSlug, domain }}
      triggerLabel="Remove"
      triggerAriaLabel={`Remove ${domain}`}
      title={`Remove ${domain}?`}
      description="Its addresses are no longer sent to your identity provider from the sign-in page; people keep their accounts."
      confirmLabel="Remove domain"
      pendingLabel="Removing…"
    />
  );
}

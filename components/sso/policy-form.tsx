"use client";

import type { ReactNode } from "react";
import type { TSsoProtocol, TSsoPolicy } from "@/lib/sso/schemas";
import { setSsoPolicyAction } from "@/lib/sso/actions";
import { Alert } from "@/components/ui/alert";
import { Checkbox, Field, FieldError, Input, Select } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

function Option({
  name,
  checked,
  label,
  errors,
  disabled,
  children,
}: {
  name: keyof TSsoPolicy;
  checked: boolean;
  label: string;
  errors?: string[];
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Checkbox
        name={name}
        defaultChecked={checked}
        disabled={disabled}
        className="font-medium"
        aria-describedby={`sso-policy-${name}-hint`}
      >
        {label}
      </Checkbox>
      <div id={`sso-policy-${name}-hint`} className="pl-6 text-xs text-slate-500">
        {children}
      </div>
      <FieldError id={`sso-policy-${name}`} errors={errors} className="pl-6" />
    </div>
  );
}

/** How the organization uses its connection: on, enforced, JIT, IdP-initiated, session, default role. */
export function PolicyForm({
  orgSlug,
  policy,
  protocol,
  installSessionHours,
}: {
  orgSlug: string;
  policy: TSsoPolicy;
  /** Null before the IdP's settings are saved: nothing to switch on yet. */
  protocol: TSsoProtocol | null;
  installSessionHours: number;
}) {
  const { state, submit, pending, errors, formError } = useActionForm(setSsoPolicyAction);
  const disabled = protocol === null;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug }} />
      {disabled ? <Alert tone="info">Save the identity provider&apos;s settings first.</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data.changed ? "Policy saved." : "Nothing changed."}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="space-y-4" disabled={disabled}>
        <legend className="sr-only">Single sign-on policy</legend>
        <Option name="enabled" checked={policy.enabled} label="Single sign-on on" errors={errors.enabled}>
          People with an address in a claimed domain are sent to your identity provider from the sign-in page. Needs a
          validated configuration.
        </Option>
        <Option name="enforced" checked={policy.enforced} label="Enforce single sign-on" errors={errors.enforced}>
          Members can then sign in only through the identity provider: their passwords and GitHub or Google sign-in stop
          working for this organization. <strong className="font-medium text-slate-700">Break-glass:</strong> owners
          keep their password, so an owner can still get in when the identity provider is down; such a sign-in is
          audited and shows a warning banner. Needs a claimed domain and an owner with a password.
        </Option>
        <Option name="jit" checked={policy.jit} label="Create accounts at the first sign-in (JIT)" errors={errors.jit}>
          Someone the identity provider signs in who is not a member yet becomes one, with the roles their groups map
          to. Off: only existing members (or people provisioned by SCIM) can sign in.
        </Option>
        <Option
          name="allowIdpInitiated"
          checked={policy.allowIdpInitiated}
          label="Allow IdP-initiated sign-in (SAML)"
          errors={errors.allowIdpInitiated}
        >
          Lets people start from the identity provider&apos;s app dashboard.{" "}
          <span className="text-amber-800">
            Off by default: a response Bumpers did not ask for cannot be tied to the browser that receives it, which
            makes stolen or replayed responses easier to use. Turn it on only if your people need the dashboard tile.
          </span>
        </Option>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="sso-policy-sessionHours"
          label="Session lifetime (hours)"
          errors={errors.sessionHours}
          hint={`For sessions started through single sign-on, 1–720. Empty: the install's ${installSessionHours} hours.`}
        >
          <Input
            name="sessionHours"
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            step={1}
            defaultValue={policy.sessionHours ?? ""}
            placeholder={String(installSessionHours)}
            disabled={disabled}
            className="w-32 tabular-nums"
          />
        </Field>
        <Field
          id="sso-policy-defaultRole"
          label="Role of new members"
          errors={errors.defaultRole}
          hint="When none of their groups maps to an org role."
        >
          <Select name="defaultRole" defaultValue={policy.defaultRole} disabled={disabled} className="w-40">
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </Select>
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" disabled={disabled}>
        Save policy
      </SubmitButton>
    </form>
  );
}

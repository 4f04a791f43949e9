"use client";

import { useState } from "react";
import type { TSsoConnectionView } from "@/lib/sso/config/queries";
import type { TSamlSource } from "@/lib/sso/config/schemas";
import { saveSamlConnectionAction } from "@/lib/sso/actions";
import { Alert } from "@/components/ui/alert";
import { Checkbox, CodeInput, Field, Textarea } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CertificateList } from "./certificate-list";
import { SaveNotice } from "./save-notice";

type TSamlView = Extract<TSsoConnectionView, { protocol: "saml" }>;

const SOURCES: { value: TSamlSource; label: string }[] = [
  { value: "metadata_url", label: "Metadata URL" },
  { value: "metadata_xml", label: "Paste metadata XML" },
  { value: "manual", label: "Enter by hand" },
];

export function SamlForm({ orgSlug, current }: { orgSlug: string; current: TSamlView | null }) {
  const { state, submit, pending, errors, formError } = useActionForm(saveSamlConnectionAction);
  const settings = current?.saml;
  // Pasted XML is not kept: a connection saved from it shows the values it gave, to edit by hand.
  const [source, setSource] = useState<TSamlSource>(
    settings?.idpMetadataUrl ? "metadata_url" : settings ? "manual" : "metadata_url",
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug, source }} />
      {state?.ok ? <SaveNotice outcome={state.data} /> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">The IdP&apos;s settings come from</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1.5">
          {SOURCES.map((s) => (
            <label key={s.value} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="saml-source"
                value={s.value}
                checked={source === s.value}
                onChange={() => setSource(s.value)}
                className="size-4 border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>

      {source === "metadata_url" ? (
        <Field
          id="saml-metadata-url"
          label="IdP metadata URL"
          errors={errors.idpMetadataUrl}
          hint="Read now and again by “Validate configuration”, which warns when the IdP publishes new certificates."
        >
          <CodeInput
            name="idpMetadataUrl"
            type="url"
            defaultValue={settings?.idpMetadataUrl ?? ""}
            placeholder="https://login.microsoftonline.com/<tenant-id>/federationmetadata/2007-06/federationmetadata.xml?appid=…"
          />
        </Field>
      ) : null}
      {source === "metadata_xml" ? (
        <Field
          id="saml-metadata-xml"
          label="IdP metadata XML"
          errors={errors.idpMetadataXml}
          hint="The whole EntityDescriptor document as the IdP offers it for download."
        >
          <Textarea name="idpMetadataXml" rows={8} spellCheck={false} className="font-mono text-xs" />
        </Field>
      ) : null}
      {source === "manual" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="saml-entity-id" label="IdP entity ID (issuer)" errors={errors.idpEntityId}>
              <CodeInput name="idpEntityId" defaultValue={settings?.idpEntityId ?? ""} />
            </Field>
            <Field
              id="saml-sso-url"
              label="IdP single sign-on URL"
              errors={errors.idpSsoUrl}
              hint="Its HTTP-Redirect endpoint."
            >
              <CodeInput name="idpSsoUrl" type="url" defaultValue={settings?.idpSsoUrl ?? ""} placeholder="https://" />
            </Field>
          </div>
          <Field
            id="saml-certificates"
            label="IdP signing certificates (PEM)"
            errors={errors.idpCertificates}
            hint="One or more -----BEGIN CERTIFICATE----- blocks: during a rollover, paste both the old and the new one."
          >
            <Textarea
              name="idpCertificates"
              rows={6}
              spellCheck={false}
              className="font-mono text-xs"
              defaultValue={settings?.idpCertificates.join("\n") ?? ""}
            />
          </Field>
        </>
      ) : null}
      {current && current.idpCertificates.length ? (
        <CertificateList title="Trusted IdP certificates" certificates={current.idpCertificates} />
      ) : null}

      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Options</legend>
        <Checkbox name="wantResponseSigned" defaultChecked={settings?.wantResponseSigned ?? false}>
          Also require the whole response to be signed (assertions must always be signed)
        </Checkbox>
        <Checkbox name="encryptedAssertions" defaultChecked={settings?.encryptedAssertions ?? false}>
          Accept encrypted assertions (Bumpers&apos; metadata then offers its certificate for encryption)
        </Checkbox>
        <div className="grid gap-4 pt-2 sm:grid-cols-3">
          <Field
            id="saml-groups-attribute"
            label="Groups attribute"
            errors={errors.groupsAttribute}
            hint={
              <span className="break-all">
                Entra ID: http://schemas.microsoft.com/ws/2008/06/identity/claims/groups
              </span>
            }
          >
            <CodeInput name="groupsAttribute" defaultValue={settings?.groupsAttribute ?? "groups"} />
          </Field>
          <Field
            id="saml-email-attribute"
            label="Email attribute"
            errors={errors.emailAttribute}
            hint="The NameID is used when it is missing."
          >
            <CodeInput name="emailAttribute" defaultValue={settings?.emailAttribute ?? "email"} />
          </Field>
          <Field id="saml-name-attribute" label="Name attribute" errors={errors.nameAttribute}>
            <CodeInput name="nameAttribute" defaultValue={settings?.nameAttribute ?? "name"} />
          </Field>
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save SAML settings
      </SubmitButton>
    </form>
  );
}

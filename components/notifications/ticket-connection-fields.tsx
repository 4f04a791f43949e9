"use client";

import { useState } from "react";
import { CodeInput, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SecretField } from "./secret-field";

// The credentials of a Jira Cloud, Jira Data Center or GitHub connection. Tokens and keys are
// password inputs (the private key a textarea): never sent back to the form, so when editing an
// empty field keeps the stored one.

type TProps = {
  kind: "jira_cloud" | "jira_server" | "github";
  id: (name: string) => string;
  errors: Record<string, string[]>;
  /** Editing: the stored hint and settings (not secret). */
  keep?: { hint: string; settings: Record<string, unknown> };
};
type TKindProps = Omit<TProps, "kind">;

const setting = (keep: TProps["keep"], key: string) =>
  typeof keep?.settings[key] === "string" ? (keep.settings[key] as string) : undefined;

/** Jira Cloud and Data Center differ in what they ask for, not in how: an address, then a token. */
const JIRA = {
  jira_cloud: {
    site: {
      name: "siteUrl",
      label: "Site URL",
      hint: "Your Atlassian site.",
      placeholder: "https://acme.atlassian.net",
    },
    token: {
      name: "apiToken",
      secret: "API token",
      hint: "id.atlassian.com → Security → Create and manage API tokens.",
      className: "sm:col-span-2",
    },
  },
  jira_server: {
    site: {
      name: "baseUrl",
      label: "Base URL",
      hint: "Where Jira Data Center answers.",
      placeholder: "https://jira.example.com",
    },
    token: {
      name: "personalAccessToken",
      secret: "personal access token",
      hint: "Profile → Personal Access Tokens → Create token.",
      className: undefined,
    },
  },
} as const;

function JiraFields({ kind, id, errors, keep }: TKindProps & { kind: keyof typeof JIRA }) {
  const { site, token } = JIRA[kind];
  return (
    <div className={kind === "jira_cloud" ? "grid gap-4 sm:grid-cols-2" : "grid gap-4"}>
      {/* The address is not secret: an edit shows the stored one. */}
      <Field id={id(site.name)} label={site.label} errors={errors[site.name]} hint={site.hint}>
        <CodeInput
          name={site.name}
          type="url"
          required={!keep}
          defaultValue={setting(keep, site.name)}
          placeholder={site.placeholder}
        />
      </Field>
      {kind === "jira_cloud" && (
        <Field id={id("email")} label="Account email" errors={errors.email} hint="The account the token belongs to.">
          <Input name="email" type="email" required={!keep} defaultValue={setting(keep, "email")} />
        </Field>
      )}
      <SecretField id={id} errors={errors} keep={keep?.hint} {...token} />
    </div>
  );
}

function GithubFields({ id, errors, keep }: TKindProps) {
  const [auth, setAuth] = useState<"token" | "app">(keep?.settings.auth === "app" ? "app" : "token");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={id("auth")} label="Sign in with" errors={errors.auth}>
        <Select name="auth" value={auth} onChange={(e) => setAuth(e.target.value as "token" | "app")}>
          <option value="token">A fine-grained personal access token</option>
          <option value="app">A GitHub App installation</option>
        </Select>
      </Field>
      <Field
        id={id("apiUrl")}
        label="API URL"
        errors={errors.apiUrl}
        hint="GitHub Enterprise Server only (https://github.example.com/api/v3). Empty: github.com."
      >
        <CodeInput name="apiUrl" type="url" placeholder="https://api.github.com" />
      </Field>
      {auth === "token" ? (
        <SecretField
          id={id}
          errors={errors}
          keep={keep?.hint}
          name="token"
          secret="token"
          className="sm:col-span-2"
          hint="Issues: read and write on the repositories tickets go to."
          placeholder="github_pat_…"
        />
      ) : (
        <>
          <Field id={id("appId")} label="App ID" errors={errors.appId} hint="On the App's settings page.">
            <CodeInput name="appId" inputMode="numeric" required={!keep} />
          </Field>
          <Field
            id={id("installationId")}
            label="Installation ID"
            errors={errors.installationId}
            hint="The number at the end of the installation's URL."
          >
            <CodeInput name="installationId" inputMode="numeric" required={!keep} />
          </Field>
          <SecretField
            id={id}
            errors={errors}
            keep={keep?.hint}
            name="privateKey"
            secret="private key"
            className="sm:col-span-2"
            hint="The .pem file the App's settings page generates (Issues: read and write)."
          >
            <Textarea
              name="privateKey"
              rows={5}
              required={!keep}
              spellCheck={false}
              autoComplete="off"
              className="font-mono text-xs"
              placeholder="-----BEGIN RSA PRIVATE KEY-----"
            />
          </SecretField>
        </>
      )}
    </div>
  );
}

/** The fields of a ticket connection's kind. */
export function TicketConnectionFields({ kind, ...props }: TProps) {
  return kind === "github" ? <GithubFields {...props} /> : <JiraFields kind={kind} {...props} />;
}

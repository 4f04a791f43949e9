"use client";

import { useState } from "react";
import { CodeInput, Field, Input, Select, Textarea } from "@/components/ui/field";

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

const setting = (keep: TProps["keep"], key: string) =>
  typeof keep?.settings[key] === "string" ? (keep.settings[key] as string) : undefined;

function JiraCloudFields({ id, errors, keep }: Omit<TProps, "kind">) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={id("siteUrl")} label="Site URL" errors={errors.siteUrl} hint="Your Atlassian site.">
        <CodeInput
          name="siteUrl"
          type="url"
          required={!keep}
          defaultValue={setting(keep, "siteUrl")}
          placeholder="https://acme.atlassian.net"
        />
      </Field>
      <Field id={id("email")} label="Account email" errors={errors.email} hint="The account the token belongs to.">
        <Input name="email" type="email" required={!keep} defaultValue={setting(keep, "email")} />
      </Field>
      <Field
        id={id("apiToken")}
        label={keep ? "New API token" : "API token"}
        errors={errors.apiToken}
        className="sm:col-span-2"
        hint={
          keep ? `Leave empty to keep ${keep.hint}.` : "id.atlassian.com → Security → Create and manage API tokens."
        }
      >
        <Input name="apiToken" type="password" autoComplete="new-password" required={!keep} />
      </Field>
    </div>
  );
}

function JiraServerFields({ id, errors, keep }: Omit<TProps, "kind">) {
  return (
    <div className="grid gap-4">
      <Field id={id("baseUrl")} label="Base URL" errors={errors.baseUrl} hint="Where Jira Data Center answers.">
        <CodeInput
          name="baseUrl"
          type="url"
          required={!keep}
          defaultValue={setting(keep, "baseUrl")}
          placeholder="https://jira.example.com"
        />
      </Field>
      <Field
        id={id("personalAccessToken")}
        label={keep ? "New personal access token" : "Personal access token"}
        errors={errors.personalAccessToken}
        hint={keep ? `Leave empty to keep ${keep.hint}.` : "Profile → Personal Access Tokens → Create token."}
      >
        <Input name="personalAccessToken" type="password" autoComplete="new-password" required={!keep} />
      </Field>
    </div>
  );
}

function GithubFields({ id, errors, keep }: Omit<TProps, "kind">) {
  const [auth, setAuth] = useState<"token" | "app">(keep?.settings.auth === "app" ? "app" : "token");
  const keepHint = keep ? `Leave empty to keep ${keep.hint}.` : undefined;
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
        <Field
          id={id("token")}
          label={keep ? "New token" : "Token"}
          errors={errors.token}
          className="sm:col-span-2"
          hint={keepHint ?? "Issues: read and write on the repositories tickets go to."}
        >
          <Input name="token" type="password" autoComplete="new-password" required={!keep} placeholder="github_pat_…" />
        </Field>
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
          <Field
            id={id("privateKey")}
            label={keep ? "New private key" : "Private key"}
            errors={errors.privateKey}
            className="sm:col-span-2"
            hint={keepHint ?? "The .pem file the App's settings page generates (Issues: read and write)."}
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
          </Field>
        </>
      )}
    </div>
  );
}

/** The fields of a ticket connection's kind. */
export function TicketConnectionFields({ kind, ...props }: TProps) {
  if (kind === "jira_cloud") return <JiraCloudFields {...props} />;
  if (kind === "jira_server") return <JiraServerFields {...props} />;
  return <GithubFields {...props} />;
}

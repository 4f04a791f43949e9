import "server-only";
import type { TCreateField, TProviderFailure } from "../../provider";
import type { TJiraClient } from "./client";

// Jira's create-metadata: the issue types a project offers and the fields of one of them (the
// settings form lists them; a create reads their types to shape custom field values). Cloud
// pages them under `issueTypes` / `fields`, Data Center under `values`.

type TMetaField = {
  fieldId?: string;
  key?: string;
  name?: string;
  required?: boolean;
  schema?: { type?: string; custom?: string };
  allowedValues?: { id?: string; name?: string; value?: string }[];
};

type TMetaPage<T> = { issueTypes?: T[]; fields?: T[]; values?: T[] };

export type TMetaFieldInfo = TCreateField & { custom?: string };

const notFound = (projectKey: string) => `Jira has no project ${projectKey}, or the account cannot see it.`;

export async function issueTypeIdOf(
  client: TJiraClient,
  projectKey: string,
  issueType: string,
): Promise<{ ok: true; id: string | null } | TProviderFailure> {
  const answer = await client.call<TMetaPage<{ id?: string; name?: string }>>(
    "GET",
    `/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes`,
    undefined,
    notFound(projectKey),
  );
  if (!answer.ok) return answer;
  const types = answer.body?.issueTypes ?? answer.body?.values ?? [];
  const wanted = issueType.trim().toLowerCase();
  const found = types.find((t) => String(t.name).toLowerCase() === wanted);
  return { ok: true, id: found?.id ?? null };
}

export async function fieldsOf(
  client: TJiraClient,
  projectKey: string,
  issueTypeId: string,
): Promise<{ ok: true; fields: TMetaFieldInfo[] } | TProviderFailure> {
  const answer = await client.call<TMetaPage<TMetaField>>(
    "GET",
    `/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes/${encodeURIComponent(issueTypeId)}`,
    undefined,
    notFound(projectKey),
  );
  if (!answer.ok) return answer;
  const raw = answer.body?.fields ?? answer.body?.values ?? [];
  const fields = raw.map((f): TMetaFieldInfo => {
    const allowed = f.allowedValues?.map((v) => ({ id: String(v.id ?? ""), name: String(v.name ?? v.value ?? "") }));
    return {
      id: String(f.fieldId ?? f.key ?? ""),
      name: String(f.name ?? ""),
      required: f.required === true,
      type: String(f.schema?.type ?? "string"),
      ...(allowed ? { allowedValues: allowed } : {}),
      ...(f.schema?.custom ? { custom: f.schema.custom } : {}),
    };
  });
  return { ok: true, fields };
}

export { notFound as projectNotFound };

import "server-only";
import { createScimGroup } from "./create-group";
import { deleteScimGroup } from "./delete-group";
import { validGroup } from "./documents";
import { scimNotFound } from "./errors";
import { parseListFilter } from "./filter";
import { parseListQuery, readScimJson, scimJson, type TScimContext } from "./http";
import { documentFromBody } from "./patch";
import { applySelection, wantsAttribute, type TSelection } from "./projection";
import { findScimGroup, listScimGroups, membersOfGroups, type TScimGroupRow } from "./queries";
import { listResponse, toScimGroup } from "./resources";
import { patchScimGroup, replaceScimGroup } from "./update-group";
import { parsePatch } from "./user-endpoints";

// The /Groups endpoints. Members are read only when the answer carries them: identity providers
// ask with excludedAttributes=members when they only check a group's name.

type TGroupsContext = TScimContext<{ org: string }>;
type TGroupContext = TScimContext<{ org: string; id: string }>;

const scopeOf = (ctx: TScimContext<unknown>) => ({ orgId: ctx.org.id, actor: ctx.actor });

async function respondWithGroup(ctx: TScimContext<unknown>, row: TScimGroupRow, status = 200) {
  const selection: TSelection = parseListQuery(ctx.url);
  const members = wantsAttribute("Group", selection, "members") ? await membersOfGroups(ctx.org.id, [row.id]) : null;
  const resource = applySelection("Group", toScimGroup(row, members?.get(row.id) ?? null, ctx.base), selection);
  const location = `${ctx.base}/Groups/${row.id}`;
  return scimJson(resource, { status, headers: status === 201 ? { location } : {} });
}

export async function listGroups(ctx: TGroupsContext): Promise<Response> {
  const query = parseListQuery(ctx.url);
  const filter = query.filter === null ? [] : parseListFilter("Group", query.filter);
  const { total, rows } = await listScimGroups(ctx.org.id, filter, query);
  const members = wantsAttribute("Group", query, "members")
    ? await membersOfGroups(
        ctx.org.id,
        rows.map((r) => r.id),
      )
    : null;
  const resources = rows.map((r) =>
    applySelection("Group", toScimGroup(r, members?.get(r.id) ?? null, ctx.base), query),
  );
  return scimJson(listResponse(resources, total, query.startIndex));
}

export async function createGroup(ctx: TGroupsContext): Promise<Response> {
  const doc = validGroup(documentFromBody("Group", await readScimJson(ctx.req)));
  return respondWithGroup(ctx, await createScimGroup(scopeOf(ctx), doc), 201);
}

export async function getGroup(ctx: TGroupContext): Promise<Response> {
  const row = await findScimGroup(ctx.org.id, ctx.params.id);
  if (!row) throw scimNotFound(`No Group with id ${ctx.params.id} in this organization.`);
  return respondWithGroup(ctx, row);
}

export async function replaceGroup(ctx: TGroupContext): Promise<Response> {
  const doc = validGroup(documentFromBody("Group", await readScimJson(ctx.req)));
  return respondWithGroup(ctx, await replaceScimGroup(scopeOf(ctx), ctx.params.id, doc));
}

/**
 * PATCH answers 204 (RFC 7644 §3.5.2 allows it): a group's member list can be long, and Okta and
 * Entra do not read it back. Asked for attributes explicitly, it answers the group.
 */
export async function patchGroup(ctx: TGroupContext): Promise<Response> {
  const operations = parsePatch(await readScimJson(ctx.req));
  const row = await patchScimGroup(scopeOf(ctx), ctx.params.id, operations);
  return ctx.url.searchParams.has("attributes") ? respondWithGroup(ctx, row) : new Response(null, { status: 204 });
}

export async function deleteGroup(ctx: TGroupContext): Promise<Response> {
  await deleteScimGroup(scopeOf(ctx), ctx.params.id);
  return new Response(null, { status: 204 });
}

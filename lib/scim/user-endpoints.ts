import "server-only";
import { createScimUser } from "./create-user";
import { deleteScimUser } from "./delete-user";
import { documentFromBody, ZPatchRequest } from "./patch";
import { validUser } from "./documents";
import { scimBadRequest, scimNotFound } from "./errors";
import { parseListFilter } from "./filter";
import { parseListQuery, readScimJson, scimJson, type TScimContext } from "./http";
import { applySelection, wantsAttribute, type TSelection } from "./projection";
import { findScimUser, groupsOfUsers, listScimUsers, type TGroupRef, type TScimUserRow } from "./queries";
import { listResponse, toScimUser } from "./resources";
import { patchScimUser, replaceScimUser } from "./update-user";

// The /Users endpoints: read the request, call one verb or query, answer the resource.

type TUsersContext = TScimContext<{ org: string }>;
type TUserContext = TScimContext<{ org: string; id: string }>;

const scopeOf = (ctx: TScimContext<unknown>) => ({ orgId: ctx.org.id, actor: ctx.actor });
const selectionOf = (url: URL): TSelection => {
  const { attributes, excludedAttributes } = parseListQuery(url);
  return { attributes, excludedAttributes };
};

/** `known`: the user's groups when the caller knows them (a user just created has none). */
async function respondWithUser(ctx: TScimContext<unknown>, row: TScimUserRow, status = 200, known?: TGroupRef[]) {
  const selection = selectionOf(ctx.url);
  const groups =
    known ??
    (wantsAttribute("User", selection, "groups") ? (await groupsOfUsers(ctx.org.id, [row.id])).get(row.id) : []);
  const resource = applySelection("User", toScimUser(row, groups ?? [], ctx.base), selection);
  const location = `${ctx.base}/Users/${row.id}`;
  return scimJson(resource, { status, headers: status === 201 ? { location } : {} });
}

export async function listUsers(ctx: TUsersContext): Promise<Response> {
  const query = parseListQuery(ctx.url);
  const filter = query.filter === null ? [] : parseListFilter("User", query.filter);
  const { total, rows } = await listScimUsers(ctx.org.id, filter, query);
  const groups = wantsAttribute("User", query, "groups")
    ? await groupsOfUsers(
        ctx.org.id,
        rows.map((r) => r.id),
      )
    : null;
  const resources = rows.map((r) => applySelection("User", toScimUser(r, groups?.get(r.id) ?? [], ctx.base), query));
  return scimJson(listResponse(resources, total, query.startIndex));
}

export async function createUser(ctx: TUsersContext): Promise<Response> {
  const doc = validUser(documentFromBody("User", await readScimJson(ctx.req)));
  return respondWithUser(ctx, await createScimUser(scopeOf(ctx), doc), 201, []);
}

export async function getUser(ctx: TUserContext): Promise<Response> {
  const row = await findScimUser(ctx.org.id, ctx.params.id);
  if (!row) throw scimNotFound(`No User with id ${ctx.params.id} in this organization.`);
  return respondWithUser(ctx, row);
}

export async function replaceUser(ctx: TUserContext): Promise<Response> {
  const doc = validUser(documentFromBody("User", await readScimJson(ctx.req)));
  return respondWithUser(ctx, await replaceScimUser(scopeOf(ctx), ctx.params.id, doc));
}

export async function patchUser(ctx: TUserContext): Promise<Response> {
  const operations = parsePatch(await readScimJson(ctx.req));
  return respondWithUser(ctx, await patchScimUser(scopeOf(ctx), ctx.params.id, operations));
}

export async function deleteUser(ctx: TUserContext): Promise<Response> {
  await deleteScimUser(scopeOf(ctx), ctx.params.id);
  return new Response(null, { status: 204 });
}

/** A PatchOp body's operations; a body of another shape is invalidSyntax. */
export function parsePatch(body: unknown) {
  const parsed = ZPatchRequest.safeParse(body);
  if (parsed.success) return parsed.data.Operations;
  throw scimBadRequest("invalidSyntax", parsed.error.issues.map((i) => i.message).join("; "));
}

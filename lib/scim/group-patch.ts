import { scimBadRequest } from "./errors";
import { parsePatchPath } from "./patch-path";
import type { TPatchOperation } from "./patch";
import { isPlainObject } from "./values";

// PATCH of a Group, planned without loading its members (a group may hold thousands): the
// operations fold into new attribute values and one member change: which ids to add, which to
// remove, and whether everyone else goes ("reset", from a replace or a remove of all members).
// Forms: Okta's `{op: "replace", value: {id, displayName}}`, `{op: "add", path: "members", value:
// [{value, display}]}`, `{op: "remove", path: "members[value eq \"…\"]"}`; Entra's "Add" / "Remove"
// with `path: "members"` and a value list, "Replace" of displayName or externalId.

export type TGroupPatchPlan = {
  displayName?: string;
  /** null: remove it. */
  externalId?: string | null;
  members: { reset: boolean; add: Set<string>; remove: Set<string> };
};

const invalidValue = (detail: string) => scimBadRequest("invalidValue", detail);

export function planGroupPatch(operations: readonly TPatchOperation[]): TGroupPatchPlan {
  const plan: TGroupPatchPlan = { members: { reset: false, add: new Set(), remove: new Set() } };
  operations.forEach((operation, i) => {
    const where = `Operations[${i}]`;
    const { op, path, value } = operation;
    if (path !== undefined) {
      planPath(plan, op, path, value, where);
      return;
    }
    if (op === "remove") throw scimBadRequest("noTarget", `${where}: remove needs a path.`);
    if (!isPlainObject(value))
      throw invalidValue(`${where}: without a path, the value must be an object of attributes.`);
    for (const [key, v] of Object.entries(value)) {
      const target = parsePatchPath("Group", key);
      // id and meta come back in what clients send (Okta's rename carries the id): ignored.
      if (target.kind === "attribute" && target.attribute.mutability !== "readOnly") {
        planPath(plan, op, key, v, `${where}.value.${key}`);
      }
    }
  });
  return plan;
}

function planPath(plan: TGroupPatchPlan, op: TPatchOperation["op"], path: string, value: unknown, where: string) {
  const target = parsePatchPath("Group", path);
  if (target.kind !== "attribute") return;
  const { attribute, filter, sub } = target;
  if (attribute.mutability === "readOnly") throw scimBadRequest("mutability", `${attribute.name} is read-only.`);
  switch (attribute.name) {
    case "displayName":
      if (op === "remove") throw invalidValue(`${where}: displayName is required and cannot be removed.`);
      if (typeof value !== "string" || !value.trim())
        throw invalidValue(`${where}: displayName must be a non-empty string.`);
      plan.displayName = value.trim();
      return;
    case "externalId":
      if (op === "remove" || value === null) plan.externalId = null;
      else if (typeof value === "string") plan.externalId = value.trim() || null;
      else throw invalidValue(`${where}: externalId must be a string.`);
      return;
    case "members":
      if (sub) throw scimBadRequest("invalidPath", `${where}: members are changed whole, not by sub-attribute.`);
      if (filter) {
        const ids = filter.filter((f) => f.sub.name === "value").map((f) => f.value);
        if (op !== "remove" || filter.length !== 1 || typeof ids[0] !== "string") {
          throw scimBadRequest(
            "invalidPath",
            `${where}: use members[value eq "<id>"] with remove, or members with a value list.`,
          );
        }
        removeMember(plan, ids[0]);
        return;
      }
      planMembers(plan, op, value, where);
  }
}

function planMembers(plan: TGroupPatchPlan, op: TPatchOperation["op"], value: unknown, where: string) {
  const { members } = plan;
  if (op === "remove" && (value === undefined || value === null)) {
    members.reset = true;
    members.add.clear();
    members.remove.clear();
    return;
  }
  const ids = memberIds(value, where);
  if (op === "replace") {
    members.reset = true;
    members.add = new Set(ids);
    members.remove.clear();
  } else if (op === "add") {
    for (const id of ids) {
      members.remove.delete(id);
      members.add.add(id);
    }
  } else {
    for (const id of ids) removeMember(plan, id);
  }
}

function removeMember(plan: TGroupPatchPlan, id: string) {
  plan.members.add.delete(id);
  plan.members.remove.add(id);
}

/** The ids of `[{ value }]` (or one `{ value }`): what Okta and Entra send as members. */
export function memberIds(value: unknown, where: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    const id = isPlainObject(item) ? item.value : undefined;
    if (typeof id !== "string" || !id.trim()) {
      throw invalidValue(`${where}: member ${i + 1} needs a "value": the id of a User.`);
    }
    return id.trim();
  });
}

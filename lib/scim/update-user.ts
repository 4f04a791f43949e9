import "server-only";
import { isDeepStrictEqual } from "node:util";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/server/db";
import { accessAudit, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import { storedFieldsOf, userDocumentOf, validUser, type TUserDocument } from "./documents";
import { scimNotFound } from "./errors";
import { applyPatch, type TPatchOperation } from "./patch";
import { provisioningEmail } from "./provisioning-email";
import type { TScimUserRow } from "./queries";
import { asJson, assertUserNameFree, type TScimScope } from "./users";

// PUT and PATCH of a User: the new document replaces the stored one, then the person's access is
// synced. `active: false` removes their membership of the org at once (memberships are read on
// every request), except an owner's: the directory never removes or demotes owners, so an
// owner's record is stored as deactivated and the audit row says the membership was kept.

/** PUT /Users/{id}: `doc` replaces the user; `active` absent keeps the current state. */
export function replaceScimUser(scope: TScimScope, id: string, doc: TUserDocument): Promise<TScimUserRow> {
  return updateUser(scope, id, () => doc);
}

/** PATCH /Users/{id}: the operations applied to the stored document, in order. */
export function patchScimUser(
  scope: TScimScope,
  id: string,
  operations: readonly TPatchOperation[],
): Promise<TScimUserRow> {
  return updateUser(scope, id, (current) => validUser(applyPatch("User", userDocumentOf(current), operations)));
}

async function updateUser(
  scope: TScimScope,
  id: string,
  next: (current: TScimUserRow) => TUserDocument,
): Promise<TScimUserRow> {
  const { orgId } = scope;
  const { row, lostAllAccess } = await scimTransaction(orgId, async (tx) => {
    const current = await tx.scimUser.findFirst({ where: { id, orgId } });
    if (!current) throw scimNotFound(`No User with id ${id} in this organization.`);
    const doc = next(current);
    const fields = storedFieldsOf(doc, current.active);
    if (fields.userName.toLowerCase() !== current.userName.toLowerCase()) {
      await assertUserNameFree(tx, orgId, fields.userName, id);
      await provisioningEmail(tx, orgId, doc);
    }
    const changes = changedFields(current, fields);
    const updated =
      changes.length === 0
        ? current
        : await tx.scimUser.update({
            where: { id },
            data: { ...fields, attributes: asJson(fields.attributes), version: { increment: 1 } },
          });
    // Synced even when nothing changed: a repeated deactivation also repairs a membership re-added by hand.
    const sync = await syncScimUsers(tx, orgId, [{ userId: current.userId, active: updated.active }]);
    await auditUpdate(tx, scope, current, updated, changes, accessAudit(sync.changes.get(current.userId)));
    return { row: updated, lostAllAccess: sync.lostAllAccess };
  });
  await revokeSessionsOf(lostAllAccess);
  return row;
}

type TFields = ReturnType<typeof storedFieldsOf>;

/** The names of the stored fields (and top-level attributes) that differ. */
function changedFields(current: TScimUserRow, fields: TFields): string[] {
  const columns: string[] = (["userName", "externalId", "displayName", "active"] as const).filter(
    (key) => current[key] !== fields[key],
  );
  const before = (current.attributes ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(fields.attributes)]);
  // jsonb stores keys in its own order: compare values, not their text.
  const attributes = [...keys].filter((key) => !isDeepStrictEqual(before[key], fields.attributes[key]));
  return [...columns, ...attributes];
}

async function auditUpdate(
  tx: Tx,
  scope: TScimScope,
  before: TScimUserRow,
  after: TScimUserRow,
  changes: string[],
  access: ReturnType<typeof accessAudit>,
) {
  if (changes.length === 0 && !access) return;
  const entry = (action: string, extra: Partial<TAuditEntry>) =>
    recordAudit(tx, {
      orgId: scope.orgId,
      actor: scope.actor,
      action,
      target: { type: "scim_user", id: after.id, label: after.userName },
      ...extra,
    });
  if (before.active !== after.active) {
    const ownerKept = !after.active && (await isOwner(tx, scope.orgId, after.userId));
    await entry(after.active ? "scim.user_reactivated" : "scim.user_deactivated", {
      after: {
        active: after.active,
        access: access ?? null,
        ...(ownerKept
          ? {
              ownerKept: true,
              note: "The person is an owner of the organization: the directory never removes owners, so the membership was kept.",
            }
          : {}),
      },
    });
  }
  const others = changes.filter((c) => c !== "active");
  if (others.length > 0 || (before.active === after.active && access)) {
    const pickOf = (row: TScimUserRow) => {
      const doc = userDocumentOf(row);
      return Object.fromEntries(others.map((key) => [key, doc[key] ?? null]));
    };
    await entry("scim.user_updated", {
      before: asJson(pickOf(before)),
      after: asJson({ ...pickOf(after), ...(access ? { access } : {}) }),
    });
  }
}

async function isOwner(tx: Tx, orgId: string, userId: string): Promise<boolean> {
  const membership = await tx.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { role: true },
  });
  return membership?.role === "owner";
}

import "server-only";
import { assertOrgPermission, actorOf, type TOrgAccess, type TTeamAccess } from "@/lib/auth/access";
import { canTeam } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { checkById } from "./checks";
import { checkRowOf, defaultSetting, orgSetting, teamOverrideConflict, teamOverrideIsNoop } from "./effective";
import {
  ZOrgCheckSetting,
  ZPolicyMode,
  ZTeamCheckSetting,
  type TOrgCheckSettingInput,
  type TTeamCheckSettingInput,
} from "./settings-schemas";

const assertOrgAdmin = (access: TOrgAccess) =>
  assertOrgPermission(access, "org:settings:manage", "Only org admins change the org's policies.");

/** Sets the org's baseline for one check; back at the defaults, the row is deleted. */
export async function updateOrgCheckSetting(access: TOrgAccess, input: TOrgCheckSettingInput) {
  assertOrgAdmin(access);
  const data = ZOrgCheckSetting.parse(input);
  const check = checkById(data.checkId)!;
  const defaults = defaultSetting(check);
  const row = {
    enabled: data.enabled,
    severity: data.severity,
    blockAdmission: data.blockAdmission,
    blockCi: data.blockCi,
  };
  const isDefault =
    row.enabled === defaults.enabled &&
    (row.severity === null || row.severity === defaults.severity) &&
    !row.blockAdmission &&
    !row.blockCi;
  return db.$transaction(async (tx) => {
    const key = { orgId_checkId: { orgId: access.org.id, checkId: check.id } };
    const before = await tx.policySetting.findUnique({ where: key });
    if (isDefault) await tx.policySetting.deleteMany({ where: { orgId: access.org.id, checkId: check.id } });
    else
      await tx.policySetting.upsert({
        where: key,
        create: { orgId: access.org.id, checkId: check.id, ...row },
        update: { ...row, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "policy.org_setting_changed",
      target: { type: "check", id: check.id, label: check.title },
      before: orgSetting(check, checkRowOf(before)),
      after: orgSetting(check, isDefault ? null : row),
    });
    return orgSetting(check, isDefault ? null : row);
  });
}

/** Passive mode: admission and CI never deny, only warn and record. */
export async function setPolicyMode(access: TOrgAccess, input: { passive: unknown }) {
  assertOrgAdmin(access);
  const { passive } = ZPolicyMode.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: access.org.id },
      select: { policyPassive: true },
    });
    await tx.organization.update({ where: { id: access.org.id }, data: { policyPassive: passive } });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "policy.mode_changed",
      target: { type: "organization", id: access.org.id, label: access.org.name },
      before: { passive: before.policyPassive },
      after: { passive },
    });
    return { passive };
  });
}

/**
 * Sets a team's override of one check (team admins). It may only tighten the org's setting: a
 * lower severity is refused with the org's value; a row that tightens nothing is deleted.
 */
export async function updateTeamCheckSetting(access: TTeamAccess, input: TTeamCheckSettingInput) {
  if (!canTeam(access.teamRole, "team:policies:manage"))
    throw new AppError("forbidden", "Only team admins change the team's policies.");
  const data = ZTeamCheckSetting.parse(input);
  const check = checkById(data.checkId)!;
  const row = {
    enabled: data.enabled,
    severity: data.severity,
    blockAdmission: data.blockAdmission,
    blockCi: data.blockCi,
  };
  return db.$transaction(async (tx) => {
    const orgRow = await tx.policySetting.findUnique({
      where: { orgId_checkId: { orgId: access.org.id, checkId: check.id } },
    });
    const org = orgSetting(check, checkRowOf(orgRow));
    const conflict = teamOverrideConflict(org, row);
    if (conflict) throw new AppError("conflict", conflict, { field: "severity" });
    const key = { teamId_checkId: { teamId: access.team.id, checkId: check.id } };
    const before = await tx.teamPolicySetting.findUnique({ where: key });
    const noop = teamOverrideIsNoop(org, row);
    if (noop) await tx.teamPolicySetting.deleteMany({ where: { teamId: access.team.id, checkId: check.id } });
    else
      await tx.teamPolicySetting.upsert({
        where: key,
        create: { orgId: access.org.id, teamId: access.team.id, checkId: check.id, ...row },
        update: { ...row, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "policy.team_setting_changed",
      target: { type: "team", id: access.team.id, label: `${access.team.name}: ${check.title}` },
      before: before
        ? {
            enabled: before.enabled,
            severity: before.severity,
            blockAdmission: before.blockAdmission,
            blockCi: before.blockCi,
          }
        : null,
      after: noop ? null : row,
    });
    return { saved: !noop };
  });
}

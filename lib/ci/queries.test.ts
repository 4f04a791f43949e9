import { beforeAll, describe, expect, it } from "vitest";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import {
  hasCiScans,
  latestCiScan,
  listCiBranches,
  listCiFindings,
  listCiRepositories,
  type TCiFinding,
  type TCiSelection,
} from "./queries";
import { recordCiScan } from "./record-scan";
import { orgAccessOf } from "@/lib/testing/access";
import { scanResult } from "./ci-testing";

async function scopeAs(user: { id: string; email: string; name: string }, orgSlug: string): Promise<TFindingScope> {
  return findingScopeOf(await orgAccessOf(user, orgSlug));
}

const ALL: TCiSelection = { repository: null, branch: null };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, minutes));

/** Every finding of a selection, following the cursors one small page at a time. */
async function allPages(scope: TFindingScope, selection: TCiSelection = ALL): Promise<TCiFinding[]> {
  const out: TCiFinding[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listCiFindings>> = await listCiFindings(scope, selection, {
      limit: 2,
      cursor,
    });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe("CI queries", () => {
  let t: Awaited<ReturnType<typeof createTestTenant>>;
  let admin: TFindingScope;
  let editor: TFindingScope;
  let loner: TFindingScope;

  beforeAll(async () => {
    t = await createTestTenant();
    await db.team.update({ where: { id: t.team.id }, data: { repositoryPatterns: ["acme/payments-*"] } });
    await db.team.update({ where: { id: t.otherTeam.id }, data: { repositoryPatterns: ["acme/checkout"] } });
    const id = t.org.id;
    await recordCiScan(
      id,
      {
        repository: "acme/payments-api",
        branch: "main",
        commit: "aaaaaaa1",
        results: [
          scanResult("hostPathSet", "api", { severity: "high" }),
          scanResult("tagNotSpecified", "api"),
          scanResult("tagNotSpecified", "worker"),
        ],
      },
      at(0),
    );
    // The next scan of main fixes one finding and makes another one block.
    await recordCiScan(
      id,
      {
        repository: "acme/payments-api",
        branch: "main",
        commit: "aaaaaaa2",
        results: [
          scanResult("hostPathSet", "api", { severity: "high" }),
          scanResult("tagNotSpecified", "api", { blocking: true }),
        ],
      },
      at(1),
    );
    await recordCiScan(
      id,
      {
        repository: "acme/payments-api",
        branch: "feature/x",
        commit: "bbbbbbb1",
        results: [scanResult("runAsPrivileged", "api", { severity: "critical", line: 12 })],
      },
      at(2),
    );
    await recordCiScan(
      id,
      {
        repository: "acme/checkout",
        branch: "main",
        commit: "ccccccc1",
        results: [scanResult("hostNetworkSet", "web", { severity: "high" })],
      },
      at(3),
    );
    await recordCiScan(
      id,
      {
        repository: "acme/website",
        branch: "main",
        commit: "ddddddd1",
        results: [scanResult("livenessProbeMissing", "site", { severity: "low", line: null, file: "" })],
      },
      at(4),
    );
    admin = await scopeAs(t.users.admin, t.org.slug);
    editor = await scopeAs(t.users.editor, t.org.slug);
    loner = await scopeAs(t.users.member, t.org.slug);
  });

  it("lists each branch's latest scan, newest first, with its open and blocking counts", async () => {
    const { rows, truncated } = await listCiBranches(admin, { limit: 50 });
    expect(truncated).toBe(false);
    expect(
      rows.map((r) => [r.repository, r.branch, r.commit, r.open, r.blocking, r.opened, r.fixed, r.team?.slug ?? null]),
    ).toEqual([
      ["acme/website", "main", "ddddddd1", 1, 0, 1, 0, null],
      ["acme/checkout", "main", "ccccccc1", 1, 0, 1, 0, t.otherTeam.slug],
      ["acme/payments-api", "feature/x", "bbbbbbb1", 1, 0, 1, 0, t.team.slug],
      ["acme/payments-api", "main", "aaaaaaa2", 2, 1, 0, 1, t.team.slug],
    ]);
    const limited = await listCiBranches(admin, { limit: 2 });
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.rows).toHaveLength(2);
    const oneRepository = await listCiBranches(admin, { repository: "acme/payments-api", limit: 50 });
    expect(oneRepository.rows.map((r) => r.branch)).toEqual(["feature/x", "main"]);
  });

  it("pages through open findings blocking first, then by severity, without gaps or repeats", async () => {
    const rows = await allPages(admin);
    expect(rows.map((r) => [r.repository, r.branch, r.checkId, r.name])).toEqual([
      ["acme/payments-api", "main", "tagNotSpecified", "api"],
      ["acme/payments-api", "feature/x", "runAsPrivileged", "api"],
      ["acme/checkout", "main", "hostNetworkSet", "web"],
      ["acme/payments-api", "main", "hostPathSet", "api"],
      ["acme/website", "main", "livenessProbeMissing", "site"],
    ]);
    expect(rows[0]).toMatchObject({ blocking: true, commit: "aaaaaaa2", messages: ["Something is wrong."] });
    const branch = await allPages(admin, { repository: "acme/payments-api", branch: "main" });
    expect(branch.map((r) => r.checkId)).toEqual(["tagNotSpecified", "hostPathSet"]);
    const repository = await allPages(admin, { repository: "acme/payments-api", branch: null });
    expect(repository).toHaveLength(3);
    await expect(listCiFindings(admin, ALL, { limit: 2, cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("shows a team member only their teams' repositories, never another team's or unowned ones", async () => {
    const findings = await allPages(editor);
    expect(new Set(findings.map((r) => r.repository))).toEqual(new Set(["acme/payments-api"]));
    // Asking for another team's branch by name gives nothing rather than its findings.
    expect(await allPages(editor, { repository: "acme/checkout", branch: "main" })).toEqual([]);
    expect(await allPages(editor, { repository: "acme/website", branch: "main" })).toEqual([]);
    expect(await latestCiScan(editor, "acme/checkout", "main")).toBeNull();
    expect(await latestCiScan(editor, "acme/payments-api", "main")).toMatchObject({ commit: "aaaaaaa2", open: 2 });
    expect((await listCiBranches(editor, { limit: 50 })).rows.map((r) => r.repository)).toEqual([
      "acme/payments-api",
      "acme/payments-api",
    ]);
    expect(await listCiRepositories(editor)).toEqual(["acme/payments-api"]);
    expect(await listCiRepositories(admin)).toEqual(["acme/checkout", "acme/payments-api", "acme/website"]);
  });

  it("shows a member of no team nothing, and another org nothing of this one", async () => {
    expect(await allPages(loner)).toEqual([]);
    expect((await listCiBranches(loner, { limit: 50 })).rows).toEqual([]);
    const other = await createTestTenant();
    const otherAdmin = await scopeAs(other.users.admin, other.org.slug);
    expect(await allPages(otherAdmin)).toEqual([]);
    expect(await latestCiScan(otherAdmin, "acme/payments-api", "main")).toBeNull();
    expect(await hasCiScans(other.org.id)).toBe(false);
    expect(await hasCiScans(t.org.id)).toBe(true);
  });
});

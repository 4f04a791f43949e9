import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTicketFindings, ticketSetup } from "@/lib/testing/tickets";
import { plainTextOf } from "../document";
import { composeTicket, MAX_LISTED_RESOURCES } from "./compose";
import { findingsOfSubject } from "./findings-of-subject";
import { loadProblem } from "./load-problem";
import { markerLabelOf, problemKeyOf } from "./problem-key";

const ORG = "5b1f3c9e-1111-4a4a-8888-000000000001";
const TEAM = "5b1f3c9e-1111-4a4a-8888-000000000002";
const A = "5b1f3c9e-1111-4a4a-8888-00000000000a";
const B = "5b1f3c9e-1111-4a4a-8888-00000000000b";

describe("problemKeyOf", () => {
  it("is the same for the same problem, whatever the order of the chosen findings", () => {
    const key = problemKeyOf(ORG, TEAM, { kind: "findings", findingIds: [A, B] });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(problemKeyOf(ORG, TEAM, { kind: "findings", findingIds: [B, A, B] })).toBe(key);
    expect(markerLabelOf(key)).toBe(`bumpers-${key.slice(0, 12)}`);
  });

  it("differs by team, cluster and subject", () => {
    const check = { kind: "check", source: "polaris", checkId: "runAsRootAllowed", clusterId: null } as const;
    const key = problemKeyOf(ORG, TEAM, check);
    expect(problemKeyOf(ORG, A, check)).not.toBe(key);
    expect(problemKeyOf(ORG, TEAM, { ...check, clusterId: B })).not.toBe(key);
    expect(problemKeyOf(ORG, TEAM, { kind: "cve", vulnerabilityId: "runAsRootAllowed" })).not.toBe(key);
    // Stable across releases: a changed key would open a second ticket for every problem.
    expect(key).toBe(
      problemKeyOf(ORG, TEAM, { clusterId: null, checkId: "runAsRootAllowed", source: "polaris", kind: "check" }),
    );
  });
});

describe("findingsOfSubject", () => {
  it("takes a check's open findings of the team only", async () => {
    const s = await ticketSetup();
    await s.addFindings({ count: 1, status: "fixed" });
    const found = await findingsOfSubject(pool, s.t.org.id, s.t.team.id, s.subject);
    expect(found.map((f) => f.id).sort()).toEqual([...s.findingIds].sort());
    const other = await findingsOfSubject(pool, s.t.org.id, s.t.otherTeam.id, s.subject);
    expect(other.map((f) => f.id).sort()).toEqual([...s.otherFindingIds].sort());
  });

  it("narrows a check to one cluster", async () => {
    const s = await ticketSetup();
    const elsewhere = await pool.query<{ id: string }>(
      `INSERT INTO clusters (org_id, slug, name) VALUES ($1, 'other-' || substr(md5(random()::text), 1, 6), 'Other') RETURNING id`,
      [s.t.org.id],
    );
    await createTicketFindings({ orgId: s.t.org.id, clusterId: elsewhere.rows[0]!.id, teamId: s.t.team.id, count: 2 });
    expect(await findingsOfSubject(pool, s.t.org.id, s.t.team.id, s.subject)).toHaveLength(5);
    const one = await findingsOfSubject(pool, s.t.org.id, s.t.team.id, { ...s.subject, clusterId: s.cluster.id });
    expect(one.map((f) => f.id).sort()).toEqual([...s.findingIds].sort());
  });

  it("takes a CVE's open findings of the team", async () => {
    const s = await ticketSetup();
    const cve = { source: "trivy", checkId: "CVE-2024-0001", vulnerabilityId: "CVE-2024-0001", title: "CVE-2024-0001" };
    const mine = await s.addFindings({ count: 2, ...cve });
    await createTicketFindings({
      orgId: s.t.org.id,
      clusterId: s.cluster.id,
      teamId: s.t.otherTeam.id,
      count: 1,
      ...cve,
    });
    const found = await findingsOfSubject(pool, s.t.org.id, s.t.team.id, {
      kind: "cve",
      vulnerabilityId: "CVE-2024-0001",
    });
    expect(found.map((f) => f.id).sort()).toEqual(mine.sort());
  });

  it("takes chosen findings only when all are the team's", async () => {
    const s = await ticketSetup();
    const chosen = { kind: "findings", findingIds: s.findingIds.slice(0, 2) } as const;
    expect(await findingsOfSubject(pool, s.t.org.id, s.t.team.id, chosen)).toHaveLength(2);
    const mixed = { kind: "findings" as const, findingIds: [s.findingIds[0]!, s.otherFindingIds[0]!] };
    await expect(findingsOfSubject(pool, s.t.org.id, s.t.team.id, mixed)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("composeTicket", () => {
  it("titles the check by workloads and team, lists resources up to the cap, links back to the team's list", async () => {
    const s = await ticketSetup();
    await s.addFindings({ count: 30, severity: "critical", namespace: "batch" });
    const problem = await loadProblem(pool, s.t.org.id, s.t.team.id, s.subject);
    const composed = composeTicket(problem);
    expect(composed.title).toBe(`Run as root: 33 workloads in team ${s.t.team.name}`);
    expect(composed.severity).toBe("critical");
    const body = plainTextOf(composed.body);
    expect(body).toContain(`and ${33 - MAX_LISTED_RESOURCES} more`);
    expect(body).toContain("Set securityContext.runAsNonRoot: true.");
    expect(composed.url).toContain(
      `/o/${s.t.org.slug}/findings?check=runAsRootAllowed&source=polaris&team=${s.t.team.slug}`,
    );
    expect(composed.templateValues).toMatchObject({ severity: "Critical", cluster: "Prod EU", team: s.t.team.name });
    expect(composeTicket(problem, { title: "  Mine  " }).title).toBe("Mine");
  });

  it("links one chosen finding to its own page", async () => {
    const s = await ticketSetup();
    const problem = await loadProblem(pool, s.t.org.id, s.t.team.id, {
      kind: "findings",
      findingIds: [s.findingIds[0]!],
    });
    expect(composeTicket(problem).url).toMatch(new RegExp(`/o/${s.t.org.slug}/findings/${s.findingIds[0]}$`));
  });
});

import { describe, expect, it } from "vitest";
import { ZScopeRules, type TScopeRuleInput } from "@/lib/domain/scope-rules";
import { computeScopePreview, toScopedResources, type TPreviewResource, type TPreviewTeam } from "./scope-preview";

const rules = (input: TScopeRuleInput[]) => ZScopeRules.parse(input);

const team = (slug: string, priority: number, input: TScopeRuleInput[]): TPreviewTeam => ({
  id: `id-${slug}`,
  slug,
  name: slug[0].toUpperCase() + slug.slice(1),
  priority,
  rules: rules(input),
});

const ns = (cluster: string, name: string, labels: Record<string, string> = {}): TPreviewResource => ({
  cluster,
  namespace: name,
  kind: "Namespace",
  name,
  labels,
});
const wl = (
  cluster: string,
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
  kind = "Deployment",
): TPreviewResource => ({ cluster, namespace, kind, name, labels });

const RESOURCES: TPreviewResource[] = [
  ns("prod", "payments-api"),
  wl("prod", "payments-api", "payments-api"),
  wl("prod", "payments-api", "fraud-scoring"),
  ns("prod", "payments-sandbox"),
  wl("prod", "payments-sandbox", "payments-api"),
  ns("prod", "data-analytics", { team: "payments" }),
  wl("prod", "data-analytics", "nightly-export", {}, "CronJob"),
  wl("prod", "data-analytics", "jupyter-hub", { team: "research" }),
  ns("staging", "payments-api"),
  wl("staging", "payments-api", "payments-api"),
];

const payments = team("payments", 10, [{ effect: "include", namespace: "payments-*" }]);
const platform = team("platform", 30, [{ effect: "include", namespace: "data-*" }]);

describe("computeScopePreview", () => {
  it("counts namespaces and workloads the draft would own, grouped by cluster then namespace", () => {
    const preview = computeScopePreview({
      teamId: platform.id,
      draftRules: rules([{ effect: "include", cluster: "prod", namespace: "payments-sandbox" }]),
      teams: [team("payments", 10, []), platform],
      resources: RESOURCES,
    });
    expect(preview.owned).toEqual({ namespaces: 1, workloads: 1 });
    expect(preview.taken).toEqual({ namespaces: 0, workloads: 0 });
    expect(preview.groups).toEqual([
      {
        cluster: "prod",
        namespaces: [
          {
            namespace: "payments-sandbox",
            namespaceItem: expect.objectContaining({ kind: "Namespace", status: "owned", gained: true }),
            workloads: [expect.objectContaining({ name: "payments-api", status: "owned", gained: true })],
          },
        ],
      },
    ]);
    expect(preview.gained).toBe(2);
    // Platform's saved rule took data-analytics; the draft drops it.
    expect(preview.lost).toBe(3);
    expect(preview.lostItems.map((i) => `${i.namespace}/${i.name}`)).toEqual([
      "data-analytics/data-analytics",
      "data-analytics/nightly-export",
      "data-analytics/jupyter-hub",
    ]);
    expect(preview.knownResources).toBe(RESOURCES.length);
  });

  it("shows what a higher-priority team already owns as taken, with that team's name", () => {
    const preview = computeScopePreview({
      teamId: platform.id,
      draftRules: rules([{ effect: "include", cluster: "prod" }]),
      teams: [payments, platform],
      resources: RESOURCES,
    });
    expect(preview.owned).toEqual({ namespaces: 1, workloads: 2 });
    expect(preview.taken).toEqual({ namespaces: 2, workloads: 3 });
    const sandbox = preview.groups[0].namespaces.find((g) => g.namespace === "payments-sandbox");
    expect(sandbox?.namespaceItem).toMatchObject({ status: "taken", takenBy: { slug: "payments", name: "Payments" } });
    expect(sandbox?.workloads[0]).toMatchObject({ status: "taken", takenBy: { slug: "payments" } });
    const analytics = preview.groups[0].namespaces.find((g) => g.namespace === "data-analytics");
    expect(analytics?.workloads.every((w) => w.status === "owned" && !w.gained)).toBe(true);
    expect(preview.lost).toBe(0);
  });

  it("lets a higher-priority draft take resources from a lower-priority team", () => {
    const checkout = team("checkout", 5, []);
    const preview = computeScopePreview({
      teamId: checkout.id,
      draftRules: rules([{ effect: "include", namespace: "data-analytics" }]),
      teams: [payments, platform, checkout],
      resources: RESOURCES,
    });
    expect(preview.owned).toEqual({ namespaces: 1, workloads: 2 });
    expect(preview.gained).toBe(3);
    expect(preview.taken).toEqual({ namespaces: 0, workloads: 0 });
  });

  it("reports what the team would give up and who would get it", () => {
    const preview = computeScopePreview({
      teamId: payments.id,
      draftRules: rules([
        { effect: "exclude", namespace: "payments-sandbox" },
        { effect: "include", namespace: "payments-*" },
      ]),
      teams: [payments, team("platform", 30, [{ effect: "include", namespace: "*-sandbox" }])],
      resources: RESOURCES,
    });
    expect(preview.owned).toEqual({ namespaces: 2, workloads: 3 });
    expect(preview.gained).toBe(0);
    expect(preview.lostItems).toEqual([
      expect.objectContaining({
        kind: "Namespace",
        name: "payments-sandbox",
        nextOwner: { slug: "platform", name: "Platform" },
      }),
      expect.objectContaining({
        kind: "Deployment",
        name: "payments-api",
        nextOwner: { slug: "platform", name: "Platform" },
      }),
    ]);
  });

  it("owns nothing with an empty draft and says everything saved would become unassigned", () => {
    const preview = computeScopePreview({
      teamId: payments.id,
      draftRules: [],
      teams: [payments],
      resources: RESOURCES,
    });
    expect(preview.owned).toEqual({ namespaces: 0, workloads: 0 });
    expect(preview.groups).toEqual([]);
    expect(preview.lost).toBe(7);
    expect(preview.lostItems.every((i) => i.nextOwner === null)).toBe(true);
  });

  it("matches workloads on the labels of their namespace, their own labels winning", () => {
    const preview = computeScopePreview({
      teamId: payments.id,
      draftRules: rules([{ effect: "include", labels: { team: "payments" } }]),
      teams: [payments],
      resources: RESOURCES,
    });
    const names = preview.groups.flatMap((c) =>
      c.namespaces.flatMap((n) => [n.namespaceItem, ...n.workloads].filter(Boolean).map((i) => i!.name)),
    );
    expect(names).toEqual(["data-analytics", "nightly-export"]);
  });

  it("bounds the listed items but keeps the counts complete", () => {
    const many = Array.from({ length: 30 }, (_, i) => wl("prod", "big", `app-${i}`));
    const preview = computeScopePreview({
      teamId: payments.id,
      draftRules: rules([{ effect: "include", namespace: "big" }]),
      teams: [payments],
      resources: many,
      limit: 10,
    });
    expect(preview.owned.workloads).toBe(30);
    expect(preview.shown).toBe(10);
    // Numeric-aware order: app-0 … app-9.
    expect(preview.groups[0].namespaces[0].workloads.map((w) => w.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `app-${i}`),
    );
  });
});

describe("toScopedResources", () => {
  it("merges namespace labels under workload labels, per cluster", () => {
    const [, prodWorkload, , stagingWorkload] = toScopedResources([
      ns("prod", "a", { team: "x", env: "prod" }),
      wl("prod", "a", "w", { team: "y" }),
      ns("staging", "a", { team: "z" }),
      wl("staging", "a", "w"),
    ]);
    expect(prodWorkload.labels).toEqual({ team: "y", env: "prod" });
    expect(stagingWorkload.labels).toEqual({ team: "z" });
  });
});

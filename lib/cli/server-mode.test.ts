import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_CHECKS } from "../policies/checks";
import type { z } from "zod";
import type { TPolicySettings, TScanUpload, ZPolicySettings } from "./schemas";
import { FIXTURES, runBumpers } from "./test-helpers";

// A real HTTP server standing in for Bumpers, speaking the contract of docs/ci.md. Each test uses
// its own repository name, so the tests can run at the same time against the one server.
const TOKEN = "bmp_test_token";
/** What the fake server answers: the wire shape, where `exemptions` may be left out as older servers do. */
const policies = new Map<string, z.input<typeof ZPolicySettings>>();
const uploads = new Map<string, TScanUpload>();
const seen: { method: string; url: string; repository: string | null; authorization: string | undefined }[] = [];
let server: Server;
let baseUrl: string;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = request.method === "POST" ? await readBody(request) : "";
    const repository =
      url.searchParams.get("repository") ?? ((body && (JSON.parse(body) as TScanUpload).repository) || null);
    seen.push({
      method: request.method ?? "",
      url: url.pathname + url.search,
      repository,
      authorization: request.headers.authorization,
    });
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return reply(401, { error: { code: "unauthorized", message: "Invalid or revoked token." } });
    }
    if (request.method === "GET" && url.pathname === "/api/v1/policies") {
      const settings = policies.get(url.searchParams.get("repository") ?? "");
      return settings
        ? reply(200, settings)
        : reply(404, { error: { code: "not_found", message: "No such repository." } });
    }
    if (request.method === "POST" && url.pathname === "/api/v1/ci/scan-results") {
      const upload = JSON.parse(body) as TScanUpload;
      if (upload.repository === "acme/upload-fails")
        return reply(500, { error: { code: "internal", message: "Boom." } });
      uploads.set(upload.repository, upload);
      return reply(200, {
        findings: upload.results.length,
        opened: 2,
        fixed: 1,
        url: `${baseUrl}/ci/${upload.repository}`,
      });
    }
    return reply(404, { error: { code: "not_found", message: "No such endpoint." } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const check = (id: string, overrides: Partial<TPolicySettings["checks"][number]> = {}) => ({
  id,
  enabled: true,
  severity: "medium" as const,
  blockAdmission: false,
  blockCi: false,
  ...overrides,
});

type TJsonOut = {
  policy: string;
  objects: {
    kind: string;
    name: string;
    results: {
      checkId: string;
      severity: string;
      failures: unknown[];
      blocking: boolean;
      exempted: boolean;
      exemptionNote?: string;
    }[];
  }[];
  summary: { failing: number; blocking: number; exempted: number };
};

const serverArgs = (repository: string) => [
  "--server",
  baseUrl,
  "--repository",
  repository,
  "--branch",
  "feature/probes",
  "--commit",
  "0123456789abcdef0123456789abcdef01234567",
];

describe.concurrent("bumpers check --server", () => {
  it("applies the organization's settings: disabled checks skipped, severities replaced, blockCi blocks, resolutions exempt; then uploads", async () => {
    // Like the real server, every check is listed; four are set apart from their defaults.
    const overrides: Record<string, Partial<TPolicySettings["checks"][number]>> = {
      runAsPrivileged: { blockCi: true, blockAdmission: true },
      tagNotSpecified: { enabled: false, blockCi: true },
      privilegeEscalationAllowed: { severity: "low" },
      hostPathSet: { blockCi: true },
    };
    policies.set("acme/settings", {
      passive: false,
      checks: BUILT_IN_CHECKS.map((c) => check(c.id, { severity: c.defaultSeverity, ...overrides[c.id] })),
      resolutions: [{ checkId: "hostPathSet", namespace: "payments", kind: "DaemonSet", name: "log-shipper" }],
      exemptions: [
        { checkIds: ["livenessProbeMissing"], namespace: "payments", kind: "*", name: "log-*", reason: "Node agent" },
      ],
    });
    const run = await runBumpers(
      [
        "check",
        "--format",
        "json",
        ...serverArgs("acme/settings"),
        `${FIXTURES}/bad-deployment.yaml`,
        `${FIXTURES}/list.json`,
      ],
      { env: { BUMPERS_TOKEN: TOKEN } },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as TJsonOut;
    expect(report.policy).toBe("server");
    const [deployment, , daemonSet] = report.objects;
    const result = (object: TJsonOut["objects"][number], id: string) => object.results.find((r) => r.checkId === id);

    expect(report.objects.flatMap((o) => o.results.map((r) => r.checkId))).not.toContain("tagNotSpecified");
    expect(result(deployment, "runAsPrivileged")).toMatchObject({ severity: "critical", blocking: true });
    expect(result(deployment, "privilegeEscalationAllowed")).toMatchObject({ severity: "low", blocking: false });
    expect(result(daemonSet, "livenessProbeMissing")).toMatchObject({
      exempted: true,
      exemptionNote: "Exempted by policy: Node agent",
    });
    expect(result(daemonSet, "hostPathSet")).toMatchObject({
      exempted: true,
      exemptionNote: "Resolved in Bumpers",
      blocking: false,
    });
    expect(report.summary).toMatchObject({ blocking: 1, exempted: 2 });

    const upload = uploads.get("acme/settings");
    expect(upload).toMatchObject({
      repository: "acme/settings",
      branch: "feature/probes",
      commit: "0123456789abcdef0123456789abcdef01234567",
    });
    expect(upload?.results).toHaveLength(report.summary.failing);
    expect(upload?.results.find((r) => r.checkId === "runAsPrivileged")).toEqual({
      checkId: "runAsPrivileged",
      severity: "critical",
      category: "security",
      title: "Privileged container",
      namespace: "",
      kind: "Deployment",
      name: "payments-api",
      file: `${FIXTURES}/bad-deployment.yaml`,
      line: 2,
      messages: ['Container "web" runs in privileged mode.'],
      blocking: true,
    });
    const uploadedIds = upload?.results.map((r) => r.checkId) ?? [];
    expect(uploadedIds).not.toContain("hostPathSet");
    expect(uploadedIds).not.toContain("tagNotSpecified");
    expect(upload?.results.filter((r) => r.blocking)).toHaveLength(1);

    expect(seen.filter((r) => r.repository === "acme/settings")).toEqual([
      {
        method: "GET",
        url: "/api/v1/policies?repository=acme%2Fsettings",
        repository: "acme/settings",
        authorization: `Bearer ${TOKEN}`,
      },
      { method: "POST", url: "/api/v1/ci/scan-results", repository: "acme/settings", authorization: `Bearer ${TOKEN}` },
    ]);
    // The server's answer goes to stderr, so stdout stays valid JSON.
    expect(run.stderr).toContain(
      `Reported to Bumpers: ${report.summary.failing} open findings for acme/settings (2 new, 1 fixed): ${baseUrl}/ci/acme/settings`,
    );
  });

  it("blocks nothing when the organization is passive, and takes the repository from GitHub Actions' variables", async () => {
    policies.set("acme/passive", {
      passive: true,
      checks: [check("runAsPrivileged", { severity: "critical", blockCi: true })],
      resolutions: [],
    });
    const run = await runBumpers(["check", "--server", baseUrl, `${FIXTURES}/bad-deployment.yaml`], {
      env: {
        BUMPERS_TOKEN: TOKEN,
        GITHUB_REPOSITORY: "acme/passive",
        GITHUB_REF_NAME: "main",
        GITHUB_SHA: "f".repeat(40),
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning\s+critical\s+runAsPrivileged/);
    expect(run.stdout).toContain("Bumpers is in passive mode for this organization: nothing blocks.");
    expect(run.stdout).toContain("Reported to Bumpers:");
    const upload = uploads.get("acme/passive");
    expect(upload).toMatchObject({ branch: "main", commit: "f".repeat(40) });
    expect(upload?.results.some((r) => r.checkId === "runAsPrivileged" && !r.blocking)).toBe(true);
  });

  it("exits 3 with a clear message when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runBumpers(
      [
        "check",
        ...serverArgs("acme/unreachable").slice(2),
        "--server",
        `http://127.0.0.1:${port}`,
        `${FIXTURES}/clean-deployment.yaml`,
      ],
      { env: { BUMPERS_TOKEN: TOKEN } },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `^bumpers: Cannot reach the Bumpers server at http://127\\.0\\.0\\.1:${port} while reading the policy settings: ECONNREFUSED`,
      ),
    );
    expect(run.stdout).toBe("");
  });

  it("exits 3 when the server refuses the token, before checking anything", async () => {
    const run = await runBumpers(["check", ...serverArgs("acme/revoked"), `${FIXTURES}/bad-deployment.yaml`], {
      env: { BUMPERS_TOKEN: "bmp_revoked" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      "bumpers: The Bumpers server refused the token while reading the policy settings (401: Invalid or revoked token.). Check BUMPERS_TOKEN.\n",
    );
    expect(run.stdout).toBe("");
    expect(seen.filter((r) => r.repository === "acme/revoked").map((r) => r.method)).toEqual(["GET"]);
  });

  it("exits 3 when the upload is refused, after printing the report", async () => {
    policies.set("acme/upload-fails", { passive: false, checks: [], resolutions: [] });
    const run = await runBumpers(["check", ...serverArgs("acme/upload-fails"), `${FIXTURES}/bad-deployment.yaml`], {
      env: { BUMPERS_TOKEN: TOKEN },
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("runAsPrivileged");
    expect(run.stderr).toContain(
      "The Bumpers server answered 500 Internal Server Error while uploading the scan results: Boom.",
    );
  });

  it("needs BUMPERS_TOKEN in server mode (exit 2), and never contacts the server without it", async () => {
    const run = await runBumpers(["check", ...serverArgs("acme/no-token"), `${FIXTURES}/clean-deployment.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set the BUMPERS_TOKEN environment variable");
    expect(seen.filter((r) => r.repository === "acme/no-token")).toEqual([]);
  });
});

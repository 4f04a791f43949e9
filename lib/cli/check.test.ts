import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TJsonReport } from "./format-json";
import { FIXTURES, runBumpers, runInProcess } from "./test-helpers";

const fixture = (name: string) => `${FIXTURES}/${name}`;
const outDir = mkdtempSync(path.join(tmpdir(), "bumpers-cli-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type TJsonOut = TJsonReport;

const failing = (object: TJsonOut["objects"][number]) =>
  object.results.filter((r) => r.failures.length > 0 && !r.exempted).map((r) => r.checkId);

// Every test runs the real launcher as a child process; they run concurrently to stay fast.
describe.concurrent("bumpers check (local)", () => {
  it("passes a clean Deployment: exit 0, no failing checks", async () => {
    const run = await runBumpers(["check", fixture("clean-deployment.yaml")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Checked 1 object: no failing checks.");
  });

  it("reports a privileged container and a latest tag as warnings by default (exit 0)", async () => {
    const run = await runBumpers(["check", fixture("bad-deployment.yaml")]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`Deployment (no namespace)/payments-api  (${fixture("bad-deployment.yaml")}:2)`);
    expect(out).toMatch(/warning\s+critical\s+runAsPrivileged\s+Container "web" runs in privileged mode\. \(line 52\)/);
    expect(out).toMatch(
      /warning\s+medium\s+tagNotSpecified\s+Container "web" uses image "ghcr\.io\/acme\/payments:latest"/,
    );
    expect(out).toContain("Fix: Remove `privileged: true` from the container's `securityContext`.");
    expect(out).toMatch(/Checked 1 object: \d+ failing checks \(none blocking\)\.\n/);
    expect(out).not.toContain("\u001b[");
  });

  it("exits 1 when a check named with --block fails, and marks it BLOCKING", async () => {
    const run = await runBumpers(["check", "--block", "runAsPrivileged", fixture("bad-deployment.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/BLOCKING\s+critical\s+runAsPrivileged/);
    expect(run.stdout).toMatch(/warning\s+medium\s+tagNotSpecified/);
    expect(run.stdout).toMatch(/\(1 blocking\)\./);
  });

  it("lists annotated exemptions as exempted, with their reason, and they do not block", async () => {
    const run = await runBumpers(["check", "--block", "runAsPrivileged", fixture("exempted.yaml")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /exempted\s+critical\s+runAsPrivileged\s+Exempted by annotation: Loads a kernel module on each node/,
    );
    expect(run.stdout).toContain("Checked 1 object: no failing checks, 2 exempted.");
  });

  it("writes JSON for multi-document YAML and a JSON List, with files, lines and the target version", async () => {
    const run = await runBumpers([
      "check",
      "--format",
      "json",
      "--target-version",
      "1.29",
      fixture("multi-doc.yaml"),
      fixture("list.json"),
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as TJsonOut;
    expect(report.schemaVersion).toBe(1);
    expect(report.targetVersion).toBe("1.29");
    expect(report.objects.map((o) => [o.file, o.line, o.kind, o.namespace, o.name])).toEqual([
      [fixture("multi-doc.yaml"), 3, "ConfigMap", "shop", "shop-config"],
      [fixture("multi-doc.yaml"), 13, "Ingress", "shop", "shop"],
      [fixture("multi-doc.yaml"), 22, "Pod", "shop", "debug"],
      [fixture("list.json"), 5, "ConfigMap", "payments", "settings"],
      [fixture("list.json"), 11, "DaemonSet", "payments", "log-shipper"],
    ]);
    const [, ingress, pod, , daemonSet] = report.objects;
    const removed = ingress.results.find((r) => r.checkId === "apiVersionRemoved");
    expect(removed).toMatchObject({ severity: "high", category: "deprecation", blocking: false, exempted: false });
    expect(removed?.failures[0]).toMatchObject({ path: "apiVersion", line: 13 });
    expect(removed?.failures[0].message).toContain("networking.k8s.io/v1");
    expect(failing(pod)).toContain("hostNetworkSet");
    expect(pod.results.find((r) => r.checkId === "hostNetworkSet")?.failures[0].line).toBe(28);
    expect(failing(daemonSet)).toContain("hostPathSet");
    // Passing checks are listed too, with no failures.
    expect(pod.results.find((r) => r.checkId === "runAsPrivileged")?.failures).toEqual([]);
    expect(report.summary.objects).toBe(5);
    expect(report.summary.failing).toBe(report.objects.reduce((n, o) => n + failing(o).length, 0));
  });

  it("reads standard input with - (helm template | bumpers check -)", async () => {
    const run = await runBumpers(["check", "--format", "json", "-"], {
      stdin: readFileSync(fixture("bad-deployment.yaml"), "utf8"),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as TJsonOut;
    expect(report.objects).toHaveLength(1);
    expect(report.objects[0]).toMatchObject({ file: "<stdin>", line: 2, name: "payments-api", namespace: "" });
    expect(failing(report.objects[0])).toEqual(expect.arrayContaining(["runAsPrivileged", "tagNotSpecified"]));
  });

  it("reads piped standard input without arguments, under the name given with --stdin-name", async () => {
    const run = await runBumpers(["check", "--stdin-name", "charts/shop/rendered.yaml"], {
      stdin: readFileSync(fixture("bad-deployment.yaml"), "utf8"),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Deployment (no namespace)/payments-api  (charts/shop/rendered.yaml:2)");
  });

  it("names the file, line and column of invalid YAML on stderr, exit 2, without a stack trace", async () => {
    const run = await runBumpers(["check", fixture("clean-deployment.yaml"), fixture("invalid/broken.yaml")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^bumpers: lib\/cli\/fixtures\/invalid\/broken\.yaml:11:\d+: invalid YAML: .+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("walks a folder for .yaml, .yml and .json files, skipping other files, non-objects and Helm templates", async () => {
    const run = await runBumpers(["check", "--format", "json", fixture("folder")]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as TJsonOut;
    expect(report.objects.map((o) => [o.file, o.kind])).toEqual([
      [fixture("folder/app/deployment.yaml"), "Deployment"],
      [fixture("folder/app/service.yml"), "Service"],
      [fixture("folder/nested/workloads.json"), "CronJob"],
    ]);
    expect(run.stderr).toContain(`Skipped ${fixture("folder/chart/templates/deployment.yaml")}: not valid YAML`);
    expect(failing(report.objects[2])).toContain("tagNotSpecified");
  });

  it("writes SARIF to --output and still prints the table", async () => {
    const sarifPath = path.join(outDir, "reports", "bumpers.sarif");
    const run = await runBumpers([
      "check",
      "--format",
      "sarif",
      "--output",
      sarifPath,
      "--block",
      "runAsPrivileged",
      fixture("bad-deployment.yaml"),
      fixture("exempted.yaml"),
      fixture("list.json"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Deployment (no namespace)/payments-api");
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8")) as Record<string, unknown>;
    expect(sarif.version).toBe("2.1.0");
    // Checked in detail in sarif.test.ts; here only that the file is the SARIF of this run.
    expect(JSON.stringify(sarif)).toContain('"uri":"lib/cli/fixtures/bad-deployment.yaml"');
  });

  it("refuses misuse with exit 2 and a clear message", async () => {
    const [token, none, missing, version, format] = await Promise.all([
      runBumpers(["check", "--token", "s3cret", fixture("clean-deployment.yaml")]),
      runBumpers(["check"]),
      runInProcess(["check", fixture("no-such-file.yaml")]),
      runInProcess(["check", "--target-version", "latest", fixture("clean-deployment.yaml")]),
      runInProcess(["check", "--format", "xml", fixture("clean-deployment.yaml")]),
    ]);
    expect(token).toMatchObject({ code: 2, stdout: "" });
    expect(token.stderr).toContain("set the BUMPERS_TOKEN environment variable");
    // No arguments and nothing piped: usage, not a hang waiting for input.
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: bumpers check");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`bumpers: ${fixture("no-such-file.yaml")}: no such file or folder.\n`);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('"latest" is not a Kubernetes version');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of table, json, sarif");
  });

  it("prints its help and version", async () => {
    const [help, version] = await Promise.all([runInProcess(["--help"]), runBumpers(["--version"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--target-version");
    const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(version).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });
});

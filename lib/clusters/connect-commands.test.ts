import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { curlUploadCommand, HELM_REPO_ADD, helmInstallCommand } from "./connect-commands";

const target = { host: "https://bumpers.example.com/", org: "acme", cluster: "prod-us-east", token: "bmp_cl_TOKEN" };

describe("connect commands", () => {
  it("installs the unchanged insights-agent chart pointed at this host", () => {
    expect(HELM_REPO_ADD).toBe("helm repo add fairwinds-stable https://charts.fairwinds.com/stable");
    const helm = helmInstallCommand(target);
    expect(helm.replace(/\\\n\s*/g, "")).toBe(
      "helm upgrade --install insights-agent fairwinds-stable/insights-agent " +
        "--namespace insights-agent --create-namespace " +
        "--set insights.organization=acme " +
        "--set insights.cluster=prod-us-east " +
        '--set insights.base64token="$(echo -n bmp_cl_TOKEN | base64)" ' +
        "--set insights.host=https://bumpers.example.com",
    );
  });

  it("uploads a Polaris report to the agent-compatible endpoint with the token", () => {
    const curl = curlUploadCommand(target);
    expect(curl).toContain('"https://bumpers.example.com/v0/organizations/acme/clusters/prod-us-east/data/polaris"');
    expect(curl).toContain('-H "Authorization: Bearer bmp_cl_TOKEN"');
    expect(curl).toContain("--data-binary @polaris.json");
  });

  it("is the command docs/agent.md shows, with the value names of the chart", () => {
    const docs = readFileSync(path.resolve(process.cwd(), "docs/agent.md"), "utf8");
    const documented = { host: "https://bumpers.example.com", org: "acme", cluster: "prod-us-east" };
    expect(docs).toContain(HELM_REPO_ADD);
    expect(docs).toContain(helmInstallCommand({ ...documented, token: "$CLUSTER_TOKEN" }));
  });
});

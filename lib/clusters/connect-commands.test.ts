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
});

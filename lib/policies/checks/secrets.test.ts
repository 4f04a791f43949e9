import { describe, expect, it } from "vitest";
import type { TKubeObject } from "../types";
import { deploymentWithContainer, goodDeployment } from "../test-manifests";
import { failuresOf } from "./run-check";

const PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";

function configMap(data: Record<string, unknown>): TKubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "shop", namespace: "shop" }, data };
}

describe("sensitiveContainerEnvVar", () => {
  it.each([
    ["DB_PASSWORD", "hunter2"],
    ["github_token", "ghp_abc"],
    ["AUTH_BEARER", "abc"],
    ["CLIENT_SECRET", "abc"],
    ["AWS_SECRET_ACCESS_KEY", "abc"],
    ["GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/key.json"],
    ["AZURE_STORAGE_KEY", "abc"],
    ["OCI_CLI_KEY_CONTENT", "abc"],
  ])("fails %s with a literal value, without repeating the value", (name, value) => {
    const failures = failuresOf(deploymentWithContainer({ env: [{ name, value }] }), "sensitiveContainerEnvVar");
    expect(failures).toEqual([
      {
        container: "web",
        path: "spec.template.spec.containers[0].env[0].value",
        message: `Container "web" sets ${name}, which looks like a secret, to a literal value.`,
      },
    ]);
    expect(failures?.[0]?.message).not.toContain(value);
  });

  it("fails a private key under any name", () => {
    const object = deploymentWithContainer({
      env: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "TLS", value: PRIVATE_KEY },
      ],
    });
    expect(failuresOf(object, "sensitiveContainerEnvVar")).toEqual([
      {
        container: "web",
        path: "spec.template.spec.containers[0].env[1].value",
        message: 'Container "web" has a private key written in environment variable TLS.',
      },
    ]);
  });

  it("passes references to Secrets, empty values, ordinary names and containers without env", () => {
    expect(failuresOf(goodDeployment(), "sensitiveContainerEnvVar")).toEqual([]);
    const object = deploymentWithContainer({
      env: [
        { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "shop-db", key: "password" } } },
        { name: "API_TOKEN", value: "" },
        { name: "AWS_REGION", value: "eu-west-1" },
        { name: "AZURE_KEY", value: "x" },
      ],
    });
    expect(failuresOf(object, "sensitiveContainerEnvVar")).toEqual([]);
  });
});

describe("sensitiveConfigmapContent", () => {
  it("fails secret-looking keys and private-key values, naming the key only", () => {
    const object = configMap({
      LOG_LEVEL: "info",
      db_password: "hunter2",
      "tls.key": PRIVATE_KEY,
      "api-token": "",
    });
    expect(failuresOf(object, "sensitiveConfigmapContent")).toEqual([
      { path: "data.db_password", message: "ConfigMap key db_password looks like a secret." },
      { path: 'data["tls.key"]', message: "ConfigMap entry tls.key holds a private key." },
      { path: 'data["api-token"]', message: "ConfigMap key api-token looks like a secret." },
    ]);
  });

  it("passes ordinary configuration and runs on ConfigMaps only", () => {
    expect(
      failuresOf(configMap({ LOG_LEVEL: "info", "app.properties": "cache=on" }), "sensitiveConfigmapContent"),
    ).toEqual([]);
    expect(failuresOf({ ...configMap({}), data: undefined }, "sensitiveConfigmapContent")).toEqual([]);
    expect(failuresOf(goodDeployment(), "sensitiveConfigmapContent")).toBeNull();
  });
});

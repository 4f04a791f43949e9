import type { TCheck, TCheckFailure } from "../types";
import { ALL_WORKLOADS, eachContainer, entryPath, record } from "./helpers";

// Polaris's patterns for sensitiveContainerEnvVar and sensitiveConfigmapContent, so both tools flag the same names.
const SENSITIVE_NAMES = [
  /^AWS_SECRET_ACCESS_KEY$/i,
  /^GOOGLE_APPLICATION_CREDENTIALS$/i,
  /^AZURE_.+KEY$/i,
  /^OCI_CLI_KEY_CONTENT$/i,
  /password/i,
  /token/i,
  /bearer/i,
  /secret/i,
];
const PRIVATE_KEY = /-BEGIN\s+.*PRIVATE KEY-/i;

/** Why a literal name/value pair looks like a secret, or null. Messages never repeat the value. */
function secretReason(name: string, value: string): "name" | "value" | null {
  if (PRIVATE_KEY.test(value)) return "value";
  return SENSITIVE_NAMES.some((pattern) => pattern.test(name)) ? "name" : null;
}

export const SECRET_CHECKS: TCheck[] = [
  {
    id: "sensitiveContainerEnvVar",
    title: "Secret written in an environment variable",
    category: "security",
    defaultSeverity: "high",
    description:
      "An environment variable whose name looks like a credential (password, token, secret, cloud keys) or whose value is a private key is written directly in the manifest, where anyone who can read the workload or its Git repository sees it.",
    remediation:
      "Put the value in a Kubernetes Secret and reference it instead of writing it in the manifest:\n\n```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: shop-db\n        key: password\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const env = container.spec.env;
        if (!Array.isArray(env)) return null;
        return env.flatMap((item, index): TCheckFailure[] => {
          const { name, value } = record(item);
          // An empty literal leaks nothing; Kubernetes also drops it when it serializes the object.
          if (typeof name !== "string" || typeof value !== "string" || value === "") return [];
          const reason = secretReason(name, value);
          if (!reason) return [];
          return [
            {
              container: container.name,
              path: `${container.path}.env[${index}].value`,
              message:
                reason === "value"
                  ? `Container "${container.name}" has a private key written in environment variable ${name}.`
                  : `Container "${container.name}" sets ${name}, which looks like a secret, to a literal value.`,
            },
          ];
        });
      }),
  },
  {
    id: "sensitiveConfigmapContent",
    title: "Secret stored in a ConfigMap",
    category: "security",
    defaultSeverity: "high",
    description:
      "A ConfigMap key looks like a credential (password, token, secret, cloud keys) or a value holds a private key. ConfigMaps are not meant for secrets: far more people and tools can read them than Secrets.",
    remediation:
      "Move the entry to a Secret and mount or reference it the same way:\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-db\nstringData:\n  password: <from your secret store>\n```",
    appliesTo: ["ConfigMap"],
    evaluate: (ctx) =>
      Object.entries(record(ctx.object.data)).flatMap(([key, value]): TCheckFailure[] => {
        const reason = secretReason(key, typeof value === "string" ? value : "");
        if (!reason) return [];
        return [
          {
            path: entryPath("data", key),
            message:
              reason === "value"
                ? `ConfigMap entry ${key} holds a private key.`
                : `ConfigMap key ${key} looks like a secret.`,
          },
        ];
      }),
  },
];

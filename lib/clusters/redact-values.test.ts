import { describe, expect, it } from "vitest";
import { looksSecret, REDACTED, redactValues, type TJson } from "./redact-values";

// Realistic insights-agent values as `helm get values` has them, with the secrets a user might
// put there, and what the clusters page must show instead.
const SECRETS = {
  awsSecret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  bumpersToken: "bmp_cl_q3V9x8Yw2Zk1LmN0pQrStUvWxYz0123456789AbCd",
  jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  dbPassword: "hunter2-but-longer",
  pdKey: "R0123456789abcdef0123456789ABCDE",
  pem: "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7V\n-----END RSA PRIVATE KEY-----\n",
  slackWebhook: "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX",
  githubToken: "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
  proxyPassword: "pr0xyP4ss",
  sentry: "https://abc123def456@o123.ingest.sentry.io/42",
};

const values = {
  polaris: { enabled: true, schedule: "rand * * * *", config: "checks:\n  runAsRootAllowed: danger" },
  trivy: {
    enabled: true,
    image: { repository: "quay.io/fairwinds/trivy", tag: "0.50.1" },
    privateImages: { dockerConfigSecret: "registry-creds" },
    extraEnv: [
      { name: "TRIVY_USERNAME", value: "robot$ci" },
      { name: "TRIVY_PASSWORD", value: SECRETS.dbPassword },
      { name: "GITHUB_TOKEN", value: SECRETS.githubToken },
      { name: "HTTP_PROXY", value: `http://proxy-user:${SECRETS.proxyPassword}@proxy.internal:3128` },
      { name: "AWS_SECRET_ACCESS_KEY", valueFrom: { secretKeyRef: { name: "aws-creds", key: "secret-key" } } },
      { name: "LOG_LEVEL", value: "debug" },
    ],
  },
  "cloud-costs": {
    enabled: true,
    provider: "aws",
    secretName: "cloud-costs",
    tokenSecretName: "agent-token",
    awsAccessKeyId: "AKIAIOSFODNN7EXAMPLE",
    awsSecretAccessKey: SECRETS.awsSecret,
  },
  opencost: {
    prometheus: { external: { url: "http://admin:s3cr3t-prom@prometheus.monitoring:9090" } },
    sentryDsn: SECRETS.sentry,
  },
  admission: {
    webhook: { caBundle: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t" },
    tls: { key: SECRETS.pem, cert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" },
  },
  auth: { enabled: true, users: [{ username: "ops", password: "opsPass1" }], apiKeys: ["k1-aaaa", "k2-bbbb"] },
  imagePullSecrets: [{ name: "regcred" }],
  notifications: { pagerduty: { routingKey: SECRETS.pdKey } },
  jobs: {
    args: ["--cluster=prod", `--token=${SECRETS.bumpersToken}`, "--password", "plain"],
    command: `curl -H "Authorization: Bearer ${SECRETS.jwt}" https://api.example.com`,
    digest: "sha256:4bc453b53cb3d914b45f4b250294236adba2c0e09ff6f03793949e7e39fd4cc1",
    notes: "tokens are rotated daily",
  },
  someId: "3f2c1b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c",
  alerting: { secretName: SECRETS.bumpersToken, passwordName: "Hunter2!Hunter2!" },
};

describe("redactValues", () => {
  const out = redactValues(JSON.parse(JSON.stringify(values)) as TJson) as unknown as typeof values;
  const text = JSON.stringify(out);

  it("leaks none of the secrets, wherever and however they sit", () => {
    for (const [name, secret] of Object.entries(SECRETS)) expect(text, name).not.toContain(secret);
    for (const leftover of ["opsPass1", "s3cr3t-prom", "k1-aaaa", "plain", "MIIEpAIBAAKCAQEA7V"]) {
      expect(text, leftover).not.toContain(leftover);
    }
  });

  it("masks extraEnv values of secret-named variables and keeps the rest readable", () => {
    expect(out.trivy.extraEnv).toEqual([
      { name: "TRIVY_USERNAME", value: "robot$ci" },
      { name: "TRIVY_PASSWORD", value: REDACTED },
      { name: "GITHUB_TOKEN", value: REDACTED },
      { name: "HTTP_PROXY", value: `http://proxy-user:${REDACTED}@proxy.internal:3128` },
      { name: "AWS_SECRET_ACCESS_KEY", valueFrom: { secretKeyRef: { name: "aws-creds", key: "secret-key" } } },
      { name: "LOG_LEVEL", value: "debug" },
    ]);
  });

  it("masks lists and objects under secret-named keys, but not their switches", () => {
    expect(out.auth).toEqual({
      enabled: true,
      users: [{ username: REDACTED, password: REDACTED }],
      apiKeys: [REDACTED, REDACTED],
    });
    expect(out.notifications.pagerduty.routingKey).toBe(REDACTED);
  });

  it("masks the password inside URLs and leaves the rest of the URL", () => {
    expect(out.opencost.prometheus.external.url).toBe(`http://admin:${REDACTED}@prometheus.monitoring:9090`);
    expect(out.opencost.sentryDsn).toBe(REDACTED);
  });

  it("keeps references to Kubernetes Secrets, unless the reference holds a secret itself", () => {
    expect(out["cloud-costs"]).toMatchObject({ secretName: "cloud-costs", tokenSecretName: "agent-token" });
    expect(out.trivy.privateImages).toEqual({ dockerConfigSecret: REDACTED });
    expect(out.imagePullSecrets).toEqual([{ name: REDACTED }]);
    expect(out.alerting).toEqual({ secretName: REDACTED, passwordName: REDACTED });
    expect(out["cloud-costs"]).toMatchObject({ awsAccessKeyId: REDACTED, awsSecretAccessKey: REDACTED });
  });

  it("masks secrets by their shape in free text and arguments, and keeps what is not one", () => {
    expect(out.jobs.args).toEqual(["--cluster=prod", `--token=${REDACTED}`, "--password", REDACTED]);
    expect(out.jobs.command).toBe(`curl -H "Authorization: ${REDACTED} ${REDACTED}" https://api.example.com`);
    expect(out.jobs.digest).toBe(values.jobs.digest);
    expect(out.jobs.notes).toBe("tokens are rotated daily");
    expect(out.someId).toBe(values.someId);
    expect(out.admission.tls).toEqual({ key: REDACTED, cert: values.admission.tls.cert });
    expect(out.polaris).toEqual(values.polaris);
    expect(out.trivy.image).toEqual(values.trivy.image);
  });
});

describe("looksSecret", () => {
  it.each([
    SECRETS.awsSecret,
    SECRETS.bumpersToken,
    SECRETS.jwt,
    SECRETS.pdKey,
    SECRETS.githubToken,
    "AKIAIOSFODNN7EXAMPLE",
    "xoxb-123456789012-abcdefABCDEF",
    "0123456789abcdef0123456789abcdef",
  ])("%s is a secret by its looks", (piece) => expect(looksSecret(piece)).toBe(true));

  it.each([
    "insights-agent-cronjob-executor",
    "quay.io/fairwinds/polaris",
    "us-east-1",
    "v1.29.3-eks-4f4795d",
    "3f2c1b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
    "ThisIsAVeryLongCamelCaseSettingName2",
  ])("%s is not", (piece) => expect(looksSecret(piece)).toBe(false));
});

import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/server/env";
import { closedPort } from "@/lib/testing/closed-port";
import { ZOidcSettings } from "../schemas";
import { oidcConfiguration } from "./client";
import { orgWithOidc, fakeIdpsForFile, type TTestConnection } from "./oidc-test-helpers";

// Discovery: cached per connection, made again when anything it depends on changes, and always
// through the SSRF guard.

const ORIGIN = "http://bumpers.test";
const [idp] = fakeIdpsForFile(1);

const withIssuer = (conn: TTestConnection, issuer: string): TTestConnection => ({
  ...conn,
  settings: ZOidcSettings.parse({ ...conn.settings, issuer }),
});

describe("oidcConfiguration", () => {
  afterEach(() => {
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
    resetEnvCache();
  });

  it("discovers the provider's endpoints and client authentication", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const configuration = await oidcConfiguration(conn);
    const metadata = configuration.serverMetadata();
    expect(metadata.issuer).toBe(idp.issuer);
    expect(metadata.token_endpoint).toBe(`${idp.issuer}/token`);
    expect(configuration.clientMetadata().client_id).toBe(conn.client.clientId);
  });

  it("reuses the discovered configuration, and discovers again when the connection changes", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const first = await oidcConfiguration(conn);
    expect(await oidcConfiguration({ ...conn })).toBe(first);
    expect(await oidcConfiguration(conn, { fresh: true })).not.toBe(first);
    expect(await oidcConfiguration({ ...conn, clientSecret: "rotated" })).not.toBe(first);
    const other = await orgWithOidc(idp, ORIGIN);
    expect(await oidcConfiguration(other)).not.toBe(first);
  });

  it("needs a client secret", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    await expect(oidcConfiguration({ ...conn, clientSecret: null })).rejects.toMatchObject({
      reason: "SsoNotConfigured",
      detail: expect.stringContaining("no client secret"),
    });
  });

  it("says what failed when the provider cannot be reached, and tries again next time", async () => {
    const conn = withIssuer(await orgWithOidc(idp, ORIGIN), `http://127.0.0.1:${await closedPort()}`);
    await expect(oidcConfiguration(conn)).rejects.toMatchObject({
      reason: "SsoNotConfigured",
      detail: expect.stringContaining("refused the connection"),
    });
    await expect(oidcConfiguration(conn)).rejects.toMatchObject({ reason: "SsoNotConfigured" });
  });

  it("refuses an issuer whose discovery names another issuer", async () => {
    const conn = withIssuer(await orgWithOidc(idp, ORIGIN), `${idp.issuer.replace("127.0.0.1", "localhost")}`);
    await expect(oidcConfiguration(conn)).rejects.toMatchObject({
      reason: "SsoNotConfigured",
      detail: expect.stringContaining("issuer"),
    });
  });

  it("goes through the SSRF guard: no loopback or plain http unless private destinations are allowed", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "false";
    resetEnvCache();
    await expect(oidcConfiguration(conn, { fresh: true })).rejects.toMatchObject({ reason: "SsoNotConfigured" });
    await expect(oidcConfiguration(withIssuer(conn, "https://127.0.0.1:9/"))).rejects.toMatchObject({
      detail: expect.stringContaining("loopback"),
    });
  });

  it("never reaches a cloud metadata address, even with private destinations allowed", async () => {
    const conn = withIssuer(await orgWithOidc(idp, ORIGIN), "https://169.254.169.254/");
    await expect(oidcConfiguration(conn)).rejects.toMatchObject({
      reason: "SsoNotConfigured",
      detail: expect.stringContaining("169.254.169.254"),
    });
  });
});

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "./main";

describe("table colors", () => {
  async function tableOn(env: Record<string, string>): Promise<string> {
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    let text = "";
    stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    const code = await runCli({
      argv: ["check", "lib/cli/fixtures/bad-deployment.yaml"],
      env,
      cwd: process.cwd(),
      stdin: new PassThrough(),
      stdinIsPiped: false,
      stdout,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    return text;
  }

  it("colors a terminal, and never with NO_COLOR set", async () => {
    expect(await tableOn({})).toContain("\u001b[");
    expect(await tableOn({ NO_COLOR: "1" })).not.toContain("\u001b[");
  });
});

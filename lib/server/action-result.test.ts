import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { fromError, fromZodError } from "./action-result";

describe("server action results", () => {
  it("shows an AppError's message, and under its field when it names one", () => {
    expect(fromError(new AppError("forbidden", "No."))).toEqual({
      ok: false,
      error: { code: "forbidden", message: "No." },
    });
    expect(fromError(new AppError("conflict", "Taken.", { field: "slug" }))).toEqual({
      ok: false,
      error: { code: "conflict", message: "Taken.", fieldErrors: { slug: ["Taken."] } },
    });
  });

  it("shows a provider's field errors (details.fieldErrors) under their fields", () => {
    const refusal = new AppError("bad_request", "Field 'Team' is required.", {
      fieldErrors: { customfield_10010: "Team is required.", labels: ["No spaces.", 3] },
    });
    expect(fromError(refusal)).toEqual({
      ok: false,
      error: {
        code: "bad_request",
        message: "Field 'Team' is required.",
        fieldErrors: { customfield_10010: ["Team is required."], labels: ["No spaces."] },
      },
    });
    expect(fromError(new AppError("bad_request", "No.", { fieldErrors: {} }))).toEqual({
      ok: false,
      error: { code: "bad_request", message: "No." },
    });
  });

  it("rethrows anything that is not an AppError, for the error page", () => {
    expect(() => fromError(new Error("bug"))).toThrow("bug");
  });

  it("turns Zod issues into field errors by path", () => {
    const parsed = z
      .object({ name: z.string().min(2, "Too short."), rules: z.array(z.object({ ns: z.string() })) })
      .safeParse({
        name: "a",
        rules: [{ ns: 1 }],
      });
    const result = fromZodError(parsed.error!);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.fieldErrors).toEqual({
      name: ["Too short."],
      "rules.0.ns": [expect.any(String)],
    });
  });
});

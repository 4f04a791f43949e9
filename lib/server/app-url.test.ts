import { describe, expect, it } from "vitest";
import { originFrom } from "./app-url";

describe("originFrom", () => {
  it("prefers the configured public URL", () => {
    expect(originFrom("https://bumpers.example.com/", new Headers({ host: "internal:3000" }))).toBe(
      "https://bumpers.example.com",
    );
  });

  it("falls back to the request's host and forwarded scheme", () => {
    expect(originFrom(undefined, new Headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
    expect(originFrom(undefined, new Headers({ host: "bumpers.example.com" }))).toBe("https://bumpers.example.com");
    expect(
      originFrom(
        undefined,
        new Headers({ host: "10.0.0.1", "x-forwarded-host": "app.test", "x-forwarded-proto": "https" }),
      ),
    ).toBe("https://app.test");
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES, ZNotification } from "./message";

// docs/notifications.md promises webhook consumers one example per event type; each must be a
// payload Bumpers could really send, so the documentation cannot drift from the schema.
const doc = readFileSync(path.resolve(__dirname, "../../docs/notifications.md"), "utf8");
const schema = doc.slice(doc.indexOf("## Webhook event schema"));
const examples = [...schema.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!) as { type: string; timestamp: string; data: Record<string, unknown> },
);

describe("docs/notifications.md webhook examples", () => {
  it("has one example per notification type, in order", () => {
    expect(examples.map((e) => e.type)).toEqual([...NOTIFICATION_TYPES]);
  });

  it.each(examples.map((e) => [e.type, e] as const))("documents a valid %s payload", (_type, example) => {
    expect(Object.keys(example)).toEqual(["type", "timestamp", "data"]);
    expect(example.timestamp).toBe(example.data.occurredAt);
    const parsed = ZNotification.strict().safeParse({ ...example.data, type: example.type });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

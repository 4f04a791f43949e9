import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, Input, Select } from "./field";

// What a screen reader is told about a field: its control's id matches the label, and the hint or
// the errors are the control's description.
const render = (props: Parameters<typeof Field>[0]) => renderToStaticMarkup(h(Field, props));

/** The attributes of the first `tag` element in `html`, by name. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const element = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("Field", () => {
  it("gives its control the label's id and describes it by the hint", () => {
    const html = render({
      id: "email",
      label: "Email",
      hint: "Your work address.",
      children: h(Input, { name: "email" }),
    });
    expect(html).toContain('<label for="email"');
    expect(attributesOf(html, "input")).toMatchObject({ id: "email", "aria-describedby": "email-hint" });
    expect(attributesOf(html, "input")).not.toHaveProperty("aria-invalid");
    expect(html).toContain('<p id="email-hint"');
  });

  it("marks the control invalid and describes it by the errors, which replace the hint", () => {
    const html = render({
      id: "email",
      label: "Email",
      hint: "Your work address.",
      errors: ["Enter an email address.", "It is taken."],
      children: h(Input, { name: "email" }),
    });
    expect(attributesOf(html, "input")).toMatchObject({
      id: "email",
      "aria-invalid": "true",
      "aria-describedby": "email-error",
    });
    expect(html).toContain(
      '<p id="email-error" class="text-xs text-red-600" role="alert">Enter an email address. It is taken.</p>',
    );
    expect(html).not.toContain("Your work address.");
  });

  it("reaches a control wrapped in other markup, and leaves what the control sets itself", () => {
    const html = render({
      id: "role",
      label: "Role",
      errors: ["Choose a role."],
      children: h("div", null, h(Select, { name: "role", "aria-describedby": "role-note" })),
    });
    expect(attributesOf(html, "select")).toMatchObject({
      id: "role",
      "aria-invalid": "true",
      "aria-describedby": "role-note",
    });
  });

  it("wires nothing into a control outside any field", () => {
    const attributes = attributesOf(renderToStaticMarkup(h(Input, { name: "q" })), "input");
    expect(Object.keys(attributes).sort()).toEqual(["class", "name"]);
  });
});

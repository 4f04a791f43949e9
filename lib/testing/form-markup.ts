// What a browser would post for a form rendered to HTML (react-dom/server), without a browser:
// hidden and text inputs, ticked checkboxes and radios, each select's selected (else first)
// option, textareas. For tests that check a form posts the fields its server action reads.

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2]!)]));
}

/** The fields of the first <form> in `html`, in document order, as FormData. */
export function formDataOf(html: string): FormData {
  const form = /<form\b[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
  const data = new FormData();
  const controls = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const [control] of form.matchAll(controls)) {
    const attrs = attributes(/^<[^>]*>/.exec(control)![0]);
    if (!attrs.name || "disabled" in attrs) continue;
    if (control.startsWith("<input")) {
      const type = attrs.type ?? "text";
      if ((type === "checkbox" || type === "radio") && !("checked" in attrs)) continue;
      data.append(attrs.name, attrs.value ?? (type === "checkbox" || type === "radio" ? "on" : ""));
    } else if (control.startsWith("<select")) {
      const options = [...control.matchAll(/<option\b[^>]*>/g)].map((m) => attributes(m[0]));
      const chosen = options.find((o) => "selected" in o) ?? options[0];
      if (chosen) data.append(attrs.name, chosen.value ?? "");
    } else {
      data.append(attrs.name, unescape(/>([\s\S]*?)<\/textarea>$/.exec(control)?.[1] ?? ""));
    }
  }
  return data;
}

import type { ReactNode } from "react";

// React Email's render() hands the element to react-dom/server, which refuses to load under the
// `react-server` condition: the condition the worker runs with (`tsx --conditions=react-server`,
// for `server-only`), and the one Next's bundler marks react-dom/server unsupported in for server
// actions. Mails are sent from both. An email template
// is static markup (no state, effects, context or suspense), so this renders the element tree the
// way react-dom/server does for that subset: host elements, function, forwardRef and memo
// components, fragments, text. render-markup.test.ts holds it to react-dom's output for every
// template (where react-dom/server loads: under Vitest).

const ELEMENT = new Set([Symbol.for("react.transitional.element"), Symbol.for("react.element")]);
const FRAGMENT = Symbol.for("react.fragment");
const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");
/** Wrappers that render their children and nothing else. */
const TRANSPARENT = new Set([Symbol.for("react.strict_mode"), Symbol.for("react.profiler"), FRAGMENT]);

const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** React's own renames of props into HTML attribute names (its SVG renames are left out: no SVG here). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  httpEquiv: "http-equiv",
  acceptCharset: "accept-charset",
  tabIndex: "tabindex",
  crossOrigin: "crossorigin",
};

/** HTML's boolean attributes as React writes them: `name=""` when true, nothing when false. */
const BOOLEAN_ATTRIBUTES = new Set(
  [
    "allowFullScreen",
    "async",
    "autoFocus",
    "autoPlay",
    "controls",
    "default",
    "defer",
    "disabled",
    "formNoValidate",
    "hidden",
    "loop",
    "multiple",
    "muted",
    "noModule",
    "noValidate",
    "open",
    "playsInline",
    "readOnly",
    "required",
    "reversed",
    "scoped",
    "seamless",
    "itemScope",
  ].map((name) => name.toLowerCase()),
);

/** CSS properties React writes without "px" when given a number. */
const UNITLESS = new Set([
  "animationIterationCount",
  "aspectRatio",
  "borderImageOutset",
  "borderImageSlice",
  "borderImageWidth",
  "columnCount",
  "columns",
  "flex",
  "flexGrow",
  "flexShrink",
  "fontWeight",
  "gridColumn",
  "gridRow",
  "lineClamp",
  "lineHeight",
  "opacity",
  "order",
  "orphans",
  "scale",
  "tabSize",
  "widows",
  "zIndex",
  "zoom",
]);

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** react-dom's escapeTextForBrowser: text and attribute values alike. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SAFE_ATTRIBUTE_NAME = /^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/;

function styleAttribute(style: Record<string, unknown>): string {
  const declarations: string[] = [];
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === "boolean" || value === "") continue;
    if (name.startsWith("--")) {
      declarations.push(`${escapeHtml(name)}:${escapeHtml(String(value).trim())}`);
      continue;
    }
    const property = name
      .replace(/([A-Z])/g, "-$1")
      .toLowerCase()
      .replace(/^ms-/, "-ms-");
    const text =
      typeof value === "number"
        ? value !== 0 && !UNITLESS.has(name)
          ? `${value}px`
          : String(value)
        : String(value).trim();
    declarations.push(`${escapeHtml(property)}:${escapeHtml(text)}`);
  }
  return declarations.length ? ` style="${declarations.join(";")}"` : "";
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "dangerouslySetInnerHTML" || name === "key" || name === "ref") continue;
    if (name.startsWith("suppress")) continue;
    if (name === "style") {
      if (value && typeof value === "object") out += styleAttribute(value as Record<string, unknown>);
      continue;
    }
    // Event handlers do nothing in a mail.
    if (/^on[A-Z]/i.test(name) && name.length > 2) continue;
    if (value === null || value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    if (BOOLEAN_ATTRIBUTES.has(name.toLowerCase())) {
      if (value) out += ` ${name.toLowerCase()}=""`;
      continue;
    }
    if ((name === "src" || name === "href") && value === "") continue;
    const attribute = ATTRIBUTE_NAMES[name] ?? name;
    if (!SAFE_ATTRIBUTE_NAME.test(attribute)) continue;
    if (typeof value === "boolean" && !/^(data|aria)-/i.test(attribute)) continue;
    out += ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  return out;
}

type TElement = { $$typeof: symbol; type: unknown; props: Record<string, unknown> };

const isElement = (node: unknown): node is TElement =>
  typeof node === "object" && node !== null && ELEMENT.has((node as { $$typeof: symbol }).$$typeof);

/** The HTML of a React element tree made of static components. */
export function renderMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map((child) => renderMarkup(child as ReactNode)).join("");
  if (!isElement(node)) throw new Error(`Cannot render ${Object.prototype.toString.call(node)} in a mail.`);
  const { type, props } = node;
  if (typeof type === "string") {
    const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
    const open = `<${type}${attributes(props)}`;
    if (VOID_TAGS.has(type)) return `${open}/>`;
    const content = inner?.__html ?? renderMarkup(props.children as ReactNode);
    return `${open}>${content}</${type}>`;
  }
  if (typeof type === "function") {
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) {
      throw new Error("Class components are not supported in mails.");
    }
    return renderMarkup((type as (p: Record<string, unknown>) => ReactNode)(props));
  }
  if (typeof type === "symbol" && TRANSPARENT.has(type)) return renderMarkup(props.children as ReactNode);
  const wrapper = type as { $$typeof?: symbol; render?: (p: unknown, ref: unknown) => ReactNode; type?: unknown };
  if (wrapper?.$$typeof === FORWARD_REF && wrapper.render) return renderMarkup(wrapper.render(props, null));
  if (wrapper?.$$typeof === MEMO) return renderMarkup({ ...node, type: wrapper.type } as unknown as ReactNode);
  throw new Error(`Cannot render an element of type ${String(wrapper?.$$typeof ?? type)} in a mail.`);
}

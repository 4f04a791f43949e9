import { DOMParser, onErrorStopParsing, type Element } from "@xmldom/xmldom";

// Namespace-aware reading of SAML messages. Only direct children are ever selected, by namespace
// and local name: a search through descendants (getElementsByTagName, `//` XPath) would find
// elements an attacker tucked into Extensions or a signature's Object, which is how signature
// wrapping fools an SP.

export const SAML_PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
export const SAML_ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

/** Parses `xml`; null when it is not well-formed or declares a DOCTYPE (SAML messages never do,
 *  and entity declarations are how XML parsers are attacked). */
export function parseSamlXml(xml: string): Element | null {
  if (/<!DOCTYPE/i.test(xml)) return null;
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml").documentElement ?? null;
  } catch {
    return null;
  }
}

export const isElement = (el: Element | null | undefined, ns: string, localName: string): el is Element =>
  !!el && el.namespaceURI === ns && el.localName === localName;

/** Direct child elements of `parent` in namespace `ns` named `localName`. */
export function childrenOf(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && isElement(node as Element, ns, localName)) found.push(node as Element);
  }
  return found;
}

/** The one direct child so named, or null when there is none or more than one. */
export function onlyChild(parent: Element, ns: string, localName: string): Element | null {
  const found = childrenOf(parent, ns, localName);
  return found.length === 1 ? found[0] : null;
}

export const textOf = (el: Element | null): string | null => {
  const text = el?.textContent?.trim();
  return text ? text : null;
};

/** An attribute's value, or null when absent or blank. */
export const attributeOf = (el: Element | null, name: string): string | null => {
  const value = el?.getAttribute(name)?.trim();
  return value ? value : null;
};

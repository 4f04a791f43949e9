import { randomBytes, verify as verifySignature } from "node:crypto";
import type http from "node:http";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { generate } from "selfsigned";
import { escapeHtml, htmlPage, sendText, startFakeHttp, type TFakeRequest } from "./fake-http";
import {
  buildSamlResponse,
  escapeXml,
  SAML_NS,
  type TFakeSamlUser,
  type TSamlTweak,
  type TSigningKey,
} from "./fake-saml-response";

// A SAML 2.0 identity provider on a real HTTP port, for tests, e2e and the local demo. It signs
// real assertions with xml-crypto (RSA-SHA256, exclusive c14n), encrypts them with xml-encryption
// when asked, and speaks the browser bindings SPs use:
//
//   GET  /metadata    the IdP's metadata (entity id, signing certificate, SSO URL)
//   GET  /sso         HTTP-Redirect binding: ?SAMLRequest=<deflated AuthnRequest>&RelayState=…
//                     [&SigAlg=…&Signature=…]; shows a sign-in form (fields "Email", "Password")
//   POST /sso/login   the form; answers with a page that POSTs SAMLResponse + RelayState to the
//                     ACS URL registered for the requesting SP (auto-submitted by script)
//   GET  /            what the IdP knows (service providers, users)
//
// Service providers are registered at runtime (addServiceProvider); an AuthnRequest from an
// unknown SP, or naming an ACS URL other than the registered one, is refused like a real IdP
// does. issueResponse() builds a response without a browser, with tweaks for the attack tests.

export type { TFakeSamlUser, TSamlTweak } from "./fake-saml-response";

export type TFakeServiceProvider = {
  entityId: string;
  acsUrl: string;
  /** When set, the SP's AuthnRequests must carry a valid RSA-SHA256 redirect-binding signature. */
  signingCertificatePem?: string;
  /** Needed for responses with the "encrypted" tweak. */
  encryptionCertificatePem?: string;
};

export type TFakeSamlIdp = {
  url: string;
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  certificatePem: string;
  metadataXml: () => string;
  addServiceProvider: (sp: TFakeServiceProvider) => void;
  setUserGroups: (nameId: string, groups: string[]) => void;
  /** A base64 SAMLResponse, as the browser would POST it. */
  issueResponse: (opts: {
    user: TFakeSamlUser | string;
    spEntityId: string;
    acsUrl: string;
    inResponseTo?: string;
    tweak?: TSamlTweak | TSamlTweak[];
  }) => Promise<string>;
  /** AuthnRequests received, oldest first. */
  requests: () => { id: string; spEntityId: string; relayState: string | null; signed: boolean }[];
  close: () => Promise<void>;
};

type TPending = { requestId: string; sp: TFakeServiceProvider; relayState: string | null };

const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

async function newSigningKey(commonName: string): Promise<TSigningKey> {
  const pems = await generate([{ name: "commonName", value: commonName }], { keySize: 2048, algorithm: "sha256" });
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}

const certificateBody = (pem: string) => pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");

class RequestRefused extends Error {}

export async function startFakeSamlIdp(options: {
  port?: number;
  entityId?: string;
  users: TFakeSamlUser[];
}): Promise<TFakeSamlIdp> {
  const [key, otherKey] = await Promise.all([newSigningKey("bumpers-fake-idp"), newSigningKey("someone-else")]);
  const users = options.users.map((u) => ({ ...u, groups: [...u.groups] }));
  const providers = new Map<string, TFakeServiceProvider>();
  const pending = new Map<string, TPending>();
  const received: ReturnType<TFakeSamlIdp["requests"]> = [];
  let base = "";
  let entityId = "";

  const findUser = (ref: TFakeSamlUser | string) => {
    if (typeof ref !== "string") return ref;
    const user = users.find((u) => u.nameId === ref || u.email.toLowerCase() === ref.toLowerCase());
    if (!user) throw new Error(`The fake IdP has no user ${ref}.`);
    return user;
  };

  const issueResponse: TFakeSamlIdp["issueResponse"] = async (opts) => {
    const xml = await buildSamlResponse(
      {
        user: findUser(opts.user),
        idpEntityId: entityId,
        spEntityId: opts.spEntityId,
        acsUrl: opts.acsUrl,
        inResponseTo: opts.inResponseTo,
        tweak: opts.tweak,
        encryptionCertificatePem: providers.get(opts.spEntityId)?.encryptionCertificatePem,
      },
      key,
      otherKey,
    );
    return Buffer.from(xml, "utf8").toString("base64");
  };

  const metadataXml = () =>
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="${SAML_NS.dsig}" entityID="${escapeXml(entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${SAML_NS.protocol}">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(key.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(base)}/sso"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`;

  /** Reads and checks an HTTP-Redirect AuthnRequest the way an IdP does. */
  function readAuthnRequest(query: URLSearchParams): TPending {
    const encoded = query.get("SAMLRequest");
    if (!encoded) throw new RequestRefused("SAMLRequest is missing.");
    let xml: string;
    try {
      xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
    } catch {
      throw new RequestRefused("SAMLRequest is not deflated base64.");
    }
    const root = new DOMParser().parseFromString(xml, "text/xml").documentElement;
    if (!root || root.localName !== "AuthnRequest" || root.namespaceURI !== SAML_NS.protocol) {
      throw new RequestRefused("SAMLRequest is not an AuthnRequest.");
    }
    const requestId = root.getAttribute("ID") ?? "";
    const issuer = root.getElementsByTagNameNS(SAML_NS.assertion, "Issuer")[0]?.textContent?.trim() ?? "";
    const sp = providers.get(issuer);
    if (!requestId) throw new RequestRefused("The AuthnRequest has no ID.");
    if (!sp) throw new RequestRefused(`No service provider ${issuer} is registered here.`);
    const acs = root.getAttribute("AssertionConsumerServiceURL");
    if (acs && acs !== sp.acsUrl) throw new RequestRefused(`${acs} is not the ACS URL registered for ${issuer}.`);
    const relayState = query.get("RelayState");
    const signed = query.has("Signature");
    if (sp.signingCertificatePem) checkRedirectSignature(query, sp.signingCertificatePem);
    received.push({ id: requestId, spEntityId: issuer, relayState, signed });
    return { requestId, sp, relayState };
  }

  function handle(req: TFakeRequest, res: http.ServerResponse) {
    try {
      if (req.method === "GET" && req.path === "/metadata") {
        return sendText(res, 200, metadataXml(), { "content-type": "application/samlmetadata+xml; charset=utf-8" });
      }
      if (req.method === "GET" && req.path === "/sso") {
        const request = readAuthnRequest(req.query);
        const pendingKey = randomBytes(16).toString("hex");
        pending.set(pendingKey, request);
        return sendHtml(res, 200, loginPage(pendingKey, request.sp.entityId, null));
      }
      if (req.method === "POST" && req.path === "/sso/login") return void answerLogin(req, res);
      if (req.method === "GET" && req.path === "/") return sendHtml(res, 200, overviewPage());
      sendText(res, 404, "Not found");
    } catch (err) {
      if (err instanceof RequestRefused)
        return sendHtml(res, 400, htmlPage("Request refused", escapeHtml(err.message)));
      throw err;
    }
  }

  async function answerLogin(req: TFakeRequest, res: http.ServerResponse) {
    const form = new URLSearchParams(req.body);
    const handle = form.get("request") ?? "";
    const request = pending.get(handle);
    if (!request) return sendHtml(res, 400, htmlPage("Request refused", "This sign-in expired. Start again."));
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const user = users.find((u) => u.email.toLowerCase() === email);
    if (!user || (user.password !== undefined && user.password !== form.get("password"))) {
      return sendHtml(res, 401, loginPage(handle, request.sp.entityId, "Unknown email or wrong password."));
    }
    pending.delete(handle);
    try {
      const samlResponse = await issueResponse({
        user,
        spEntityId: request.sp.entityId,
        acsUrl: request.sp.acsUrl,
        inResponseTo: request.requestId,
        tweak: request.sp.encryptionCertificatePem ? "encrypted" : undefined,
      });
      sendHtml(res, 200, autoPostPage(request.sp.acsUrl, samlResponse, request.relayState));
    } catch (err) {
      sendText(res, 500, `The fake IdP could not answer: ${(err as Error).message}`);
    }
  }

  const overviewPage = () =>
    htmlPage(
      "Fake SAML identity provider",
      `<p class="meta">Entity ID ${escapeHtml(entityId)} · <a href="/metadata">metadata</a></p>` +
        `<h2>Service providers</h2>` +
        ([...providers.values()]
          .map((sp) => `<div class="item"><pre>${escapeHtml(sp.entityId)}\nACS ${escapeHtml(sp.acsUrl)}</pre></div>`)
          .join("") || "<p>None yet.</p>") +
        `<h2>Users</h2>` +
        users
          .map(
            (u) =>
              `<div class="item"><pre>${escapeHtml(`${u.name} <${u.email}>  NameID ${u.nameId}\ngroups: ${u.groups.join(", ") || "none"}`)}</pre></div>`,
          )
          .join(""),
    );

  const server = await startFakeHttp(
    (req, res) =>
      void Promise.resolve()
        .then(() => handle(req, res))
        .catch((err: Error) => sendText(res, 500, err.message)),
    { port: options.port },
  );
  base = server.url;
  entityId = options.entityId ?? `${base}/metadata`;

  return {
    url: base,
    entityId,
    ssoUrl: `${base}/sso`,
    metadataUrl: `${base}/metadata`,
    certificatePem: key.certificatePem,
    metadataXml,
    addServiceProvider: (sp) => providers.set(sp.entityId, { ...sp }),
    setUserGroups: (nameId, groups) => {
      findUser(nameId).groups = [...groups];
    },
    issueResponse,
    requests: () => received.map((r) => ({ ...r })),
    close: server.close,
  };
}

/** The redirect binding signs the query's octets: SAMLRequest=…&RelayState=…&SigAlg=… (SAML
 *  bindings 3.4.4.1). Rebuilt here with encodeURIComponent, which is how SPs encode these values. */
function checkRedirectSignature(query: URLSearchParams, certificatePem: string) {
  const sigAlg = query.get("SigAlg");
  const signature = query.get("Signature");
  if (!sigAlg || !signature) throw new RequestRefused("This service provider must sign its AuthnRequests.");
  if (sigAlg !== RSA_SHA256) throw new RequestRefused(`SigAlg ${sigAlg} is not accepted; use RSA-SHA256.`);
  const signedOctets = ["SAMLRequest", "RelayState", "SigAlg"]
    .filter((name) => query.has(name))
    .map((name) => `${name}=${encodeURIComponent(query.get(name)!)}`)
    .join("&");
  const valid = verifySignature(
    "RSA-SHA256",
    Buffer.from(signedOctets),
    certificatePem,
    Buffer.from(signature, "base64"),
  );
  if (!valid) throw new RequestRefused("The AuthnRequest's signature does not verify.");
}

function sendHtml(res: http.ServerResponse, status: number, html: string) {
  sendText(res, status, html, { "content-type": "text/html; charset=utf-8" });
}

function loginPage(handle: string, spEntityId: string, error: string | null): string {
  return htmlPage(
    "Sign in to the fake IdP",
    `<p class="meta">For ${escapeHtml(spEntityId)}</p>` +
      (error ? `<p class="bad" role="alert">${escapeHtml(error)}</p>` : "") +
      `<form method="post" action="/sso/login">` +
      `<input type="hidden" name="request" value="${escapeHtml(handle)}">` +
      `<p><label for="email">Email</label><br><input id="email" name="email" type="email" autocomplete="username" required></p>` +
      `<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>` +
      `<p><button type="submit">Sign in</button></p>` +
      `</form>`,
  );
}

/** The HTTP-POST binding: a form the browser submits to the SP's ACS at once. */
function autoPostPage(acsUrl: string, samlResponse: string, relayState: string | null): string {
  return htmlPage(
    "Signing you in…",
    `<form method="post" action="${escapeHtml(acsUrl)}">` +
      `<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">` +
      (relayState === null ? "" : `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">`) +
      `<noscript><button type="submit">Continue</button></noscript>` +
      `</form><script>document.forms[0].submit()</script>`,
  );
}

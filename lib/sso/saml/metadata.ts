import "server-only";
import type { TSamlConnection } from "../connections";
import { samlFor, spKeysOf } from "./sp";

/**
 * The SP metadata an org's IdP imports: entity id, ACS (HTTP-POST), the signing certificate
 * (AuthnRequestsSigned), WantAssertionsSigned, and the encryption certificate when the org asks
 * for encrypted assertions. Both uses share the org's one key pair.
 */
export function spMetadataXml(conn: TSamlConnection, origin: string): string {
  const { certificate } = spKeysOf(conn);
  const saml = samlFor(conn, origin);
  return saml.generateServiceProviderMetadata(conn.settings.encryptedAssertions ? certificate : null, certificate);
}

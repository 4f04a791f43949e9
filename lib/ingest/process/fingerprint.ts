import { createHash } from "node:crypto";

export type TFingerprintParts = {
  orgId: string;
  clusterId: string;
  source: string;
  checkId: string;
  kind: string;
  namespace: string;
  name: string;
  container: string;
  /** Image key (digest, else name) for image findings; "" otherwise. */
  image: string;
  vulnerability: string;
};

/**
 * The identity of a finding across reports: the same problem on the same object keeps its row,
 * its triage and its history. NUL separates the parts, so no two different tuples hash alike.
 */
export function findingFingerprint(p: TFingerprintParts): string {
  return createHash("sha256")
    .update(
      [
        p.orgId,
        p.clusterId,
        p.source,
        p.checkId,
        p.kind,
        p.namespace,
        p.name,
        p.container,
        p.image,
        p.vulnerability,
      ].join("\u0000"),
    )
    .digest("hex");
}

/** "quay.io/jetstack/cert-manager-controller:v1.11.0@sha256:…" → repository and tag ("" when untagged). */
export function splitImageName(name: string): { repository: string; tag: string } {
  const withoutDigest = name.split("@", 1)[0];
  const colon = withoutDigest.lastIndexOf(":");
  // A colon before the last slash belongs to a registry port (localhost:5000/app), not a tag.
  if (colon > withoutDigest.lastIndexOf("/")) {
    return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  }
  return { repository: withoutDigest, tag: "" };
}

/** "sha256:d429b6d696e0ef47…" → "d429b6d696e0", the length `docker images` shows. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, "").slice(0, 12);
}

export type TImageRef = {
  id: string;
  name: string;
  repository: string;
  tag: string;
  digest: string;
  digestShort: string;
};

export function imageRef(row: { id: string; name: string; digest: string }): TImageRef {
  return {
    id: row.id,
    name: row.name,
    ...splitImageName(row.name),
    digest: row.digest,
    digestShort: shortDigest(row.digest),
  };
}

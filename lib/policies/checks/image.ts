/** Parse a container image reference into its tag and digest (registry ports are not tags). */
export function parseImage(image: string): { tag: string | null; digest: string | null } {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf("/");
  const colon = name.indexOf(":", lastSlash + 1);
  const tag = colon >= 0 ? name.slice(colon + 1) : null;
  return { tag: tag || null, digest };
}

/** A tag that can point to different images over time: none at all, or `latest`. */
export function hasMutableTag(image: string): boolean {
  const { tag, digest } = parseImage(image);
  if (digest) return false;
  return tag === null || tag === "latest";
}

import { createHash } from "node:crypto";

// Stable stand-ins for what Kubernetes and registries generate, so every seed writes the same
// reports (and screenshots do not change): derived from names, never random.

function hex(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** A UUID-shaped object UID. */
export function demoUid(...parts: string[]): string {
  const h = hex("uid", ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An image content digest ("sha256:…") for an image the demo made up. */
export function demoDigest(image: string): string {
  return `sha256:${hex("image", image)}`;
}

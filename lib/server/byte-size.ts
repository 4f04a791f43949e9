// Sizes an operator types (BUMPERS_QUOTA_*, npm run org:quota): "10GB", "500 MB", "1.5TB" or plain
// bytes. Binary units (1 GB = 1024³ bytes), as `du -h` and Kubernetes' Gi count.

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** The number of bytes, or null when `text` is not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]?i?B)?$/i.exec(text.trim());
  if (!match) return null;
  const unit = (match[2] ?? "B").toUpperCase().replace("IB", "B");
  const bytes = Math.round(Number(match[1]) * UNITS[unit]);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** "10 GB", "512 MB", "1.5 GB", "900 KB": what a person reads, one decimal at most. */
export function formatBytes(bytes: number): string {
  for (const unit of ["TB", "GB", "MB", "KB"]) {
    const size = bytes / UNITS[unit];
    if (size >= 1) return `${size >= 100 ? Math.round(size) : Number(size.toFixed(1))} ${unit}`;
  }
  return `${bytes} B`;
}

/** The host of a link, as its label ("nvd.nist.gov"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

// The advisories people look for first; the rest keep Trivy's order.
const PREFERRED = ["nvd.nist.gov", "avd.aquasec.com", "github.com", "security-tracker.debian.org", "ubuntu.com"];

export function preferredReferences(references: string[], count: number): string[] {
  const rank = (url: string) => {
    const i = PREFERRED.findIndex((host) => hostOf(url).endsWith(host));
    return i < 0 ? PREFERRED.length : i;
  };
  return [...references].sort((a, b) => rank(a) - rank(b)).slice(0, count);
}

export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1 text-brand-600 hover:text-brand-700 hover:underline"
    >
      {children}
      <svg
        viewBox="0 0 16 16"
        className="size-3 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        aria-hidden
      >
        <path d="M6 3H3v10h10v-3M9 3h4v4M13 3L7 9" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}

/** Links with their host as the label and the address below it. */
export function ReferenceList({ urls }: { urls: string[] }) {
  return (
    <ul className="space-y-1.5 text-sm">
      {urls.map((url) => (
        <li key={url} className="min-w-0">
          <ExternalLink href={url}>{hostOf(url)}</ExternalLink>
          <span className="block truncate text-xs text-slate-400" title={url}>
            {url}
          </span>
        </li>
      ))}
    </ul>
  );
}

// The vulnerabilities page's URL state, parsed leniently (a page never fails on a bad value: it
// falls back to the default) and written back in one order so links are stable. Client-safe.

type TSearchParams = Record<string, string | string[] | undefined>;

export type TVulnView = {
  tab: "images" | "cves";
  q: string;
  /** Only vulnerabilities with a fixed version available. */
  fix: boolean;
  /** Also count snoozed and resolved findings. */
  all: boolean;
  team: string | null;
  /** CVEs of one image (the By CVE tab). */
  image: string | null;
  cursor: string | null;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const flag = (v: string | string[] | undefined) => ["1", "true", "on"].includes(first(v));

export function parseVulnView(sp: TSearchParams): TVulnView {
  return {
    tab: first(sp.tab) === "cves" ? "cves" : "images",
    q: first(sp.q).slice(0, 200),
    fix: flag(sp.fix),
    all: flag(sp.all),
    team: first(sp.team) || null,
    image: first(sp.image) || null,
    cursor: first(sp.cursor).slice(0, 1000) || null,
  };
}

/** "?tab=cves&q=…" for a view; the cursor is dropped unless given, since it belongs to one list. */
export function vulnViewQuery(view: TVulnView, change: Partial<TVulnView> = {}): string {
  const next = { ...view, cursor: null, ...change };
  const query = new URLSearchParams();
  if (next.tab === "cves") query.set("tab", "cves");
  if (next.q) query.set("q", next.q);
  if (next.fix) query.set("fix", "1");
  if (next.all) query.set("all", "1");
  if (next.team) query.set("team", next.team);
  if (next.tab === "cves" && next.image) query.set("image", next.image);
  if (next.cursor) query.set("cursor", next.cursor);
  const s = query.toString();
  return s ? `?${s}` : "";
}

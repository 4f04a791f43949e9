import "server-only";
import { pool } from "@/lib/server/db";
import { searchIndexPattern, wordShareOf, type TSearchSample } from "./search-pattern";

// Free text is matched against title || ' ' || name with ILIKE, through a trigram index. The
// index's cost grows with the number of findings each trigram of the pattern occurs in, so
// "openssl: CVE-2026-1234" spent nearly all its time on "cve" and "2026", which occur in most
// findings and narrow nothing. The index gets only the words that are rare in the planner's own
// sample of the column (ANALYZE's statistics); the whole text is then checked on each candidate,
// so the results are exactly those of the plain ILIKE.

const SAMPLE_TTL_MS = 10 * 60_000;
let cached: { at: number; sample: Promise<TSearchSample> } | null = null;

async function loadSample(): Promise<TSearchSample> {
  const { rows } = await pool.query<{ mcv: string[] | null; freqs: number[] | null; histogram: string[] | null }>(
    `SELECT most_common_vals::text::text[] AS mcv, most_common_freqs::float8[] AS freqs,
            histogram_bounds::text::text[] AS histogram
       FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'findings_search_idx' AND attname = 'expr'`,
  );
  const row = rows[0];
  return {
    common: (row?.mcv ?? []).map((value, i) => ({ value, share: row?.freqs?.[i] ?? 0 })),
    histogram: row?.histogram ?? [],
  };
}

/** The statistics sample, read at most every ten minutes per process; none when unavailable. */
async function searchSample(): Promise<TSearchSample> {
  const now = Date.now();
  if (!cached || now - cached.at > SAMPLE_TTL_MS) {
    const sample = loadSample().catch(() => ({ common: [], histogram: [] }));
    cached = { at: now, sample };
  }
  return cached.sample;
}

/** Reads the statistics again on the next search (after ANALYZE, e.g. once a bulk load is done). */
export function forgetSearchSample(): void {
  cached = null;
}

/** The LIKE pattern to give the trigram index for `q`, or null when the whole text is the best one. */
export async function searchIndexPatternFor(q: string): Promise<string | null> {
  return searchIndexPattern(q, wordShareOf(await searchSample()));
}

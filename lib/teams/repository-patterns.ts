import { z } from "zod";
import { wildcardMatch } from "@/lib/domain/team-scope";

// The repositories a team owns, for CI scan results: `*` wildcard patterns over the repository
// names CI systems print (`acme/payments-*`, `gitlab.example.com/group/*`). Client-safe, so the
// form and the server check the same rules.

export const MAX_REPOSITORY_PATTERNS = 50;

export const ZRepositoryPattern = z
  .string()
  .trim()
  .min(1, "Enter a pattern.")
  .max(200, "At most 200 characters.")
  .regex(
    /^[A-Za-z0-9*][A-Za-z0-9*._\-/:]*$/,
    "Use letters, digits, . _ - / : and * wildcards, starting with a letter, a digit or *.",
  );

/** A team's list: repeats dropped, then at most MAX_REPOSITORY_PATTERNS. */
export const ZRepositoryPatterns = z
  .array(ZRepositoryPattern)
  .transform((patterns) => [...new Set(patterns)])
  .pipe(z.array(z.string()).max(MAX_REPOSITORY_PATTERNS, `At most ${MAX_REPOSITORY_PATTERNS} patterns per team.`));

export type TPatternLines = { patterns: string[]; errors: string[] };

/**
 * The patterns of a textarea, one per line (blank lines skipped, repeats dropped), with an error
 * naming the line of each pattern that is not valid.
 */
export function parsePatternLines(text: string): TPatternLines {
  const lines = text
    .split(/\r?\n/)
    .map((value, i) => ({ value: value.trim(), line: i + 1 }))
    .filter((l) => l.value);
  const errors: string[] = [];
  for (const { value, line } of lines) {
    const parsed = ZRepositoryPattern.safeParse(value);
    if (!parsed.success) errors.push(`Line ${line} (${shorten(value)}): ${parsed.error.issues[0].message}`);
  }
  const patterns = [...new Set(lines.map((l) => l.value))];
  if (patterns.length > MAX_REPOSITORY_PATTERNS) {
    errors.push(`At most ${MAX_REPOSITORY_PATTERNS} patterns per team; this list has ${patterns.length}.`);
  }
  return { patterns, errors };
}

const shorten = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

export type TRepositoryTeam = { id: string; name: string; priority: number; patterns: readonly string[] };
export type TRepositoryPreview = { repository: string; ownerId: string | null; matchesDraft: boolean };

/**
 * Who would own each known repository if `teamId` had the `draft` patterns: the first team by
 * priority (then name) with a matching pattern, the rule CI uploads and re-owning use.
 */
export function previewRepositoryOwners(
  teams: readonly TRepositoryTeam[],
  teamId: string,
  draft: readonly string[],
  repositories: readonly string[],
): TRepositoryPreview[] {
  const ordered = teams
    .map((t) => (t.id === teamId ? { ...t, patterns: draft } : t))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  return repositories.map((repository) => ({
    repository,
    ownerId: ordered.find((t) => t.patterns.some((p) => wildcardMatch(p, repository)))?.id ?? null,
    matchesDraft: draft.some((p) => wildcardMatch(p, repository)),
  }));
}

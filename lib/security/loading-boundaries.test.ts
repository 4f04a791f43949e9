import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 16: a page under a loading.tsx streams its skeleton with status 200 before the page runs,
// so the page's notFound() for another tenant's id arrives as a 200 with a not-found body. Every
// route segment named by an id must be checked before any loading boundary: no loading.tsx above
// it (list pages keep theirs in a route group beside it, e.g. findings/(list)/), and when it has
// its own loading.tsx, a layout.tsx beside it that runs the access check first.

const ORG_ROOT = path.join(process.cwd(), "app/(dashboard)/o/[org]");
// Names inside an entity whose own segment's layout already checked the tenant.
const CHECKED_BY_PARENT_LAYOUT = new Set(["cost/teams/[team]/services/[service]"]);

function dirsUnder(dir: string): string[] {
  return readdirSync(dir)
    .map((entry) => path.join(dir, entry))
    .filter((full) => statSync(full).isDirectory())
    .flatMap((full) => [full, ...dirsUnder(full)]);
}

/** Route groups directly in `dir` (a segment's page may sit in one with its own loading.tsx). */
const groupsIn = (dir: string) =>
  readdirSync(dir).filter((e) => /^\(.+\)$/.test(e) && statSync(path.join(dir, e)).isDirectory());
const hasPage = (dir: string) =>
  existsSync(path.join(dir, "page.tsx")) || groupsIn(dir).some((g) => existsSync(path.join(dir, g, "page.tsx")));

const idSegments = dirsUnder(ORG_ROOT)
  .filter((dir) => /^\[.+\]$/.test(path.basename(dir)) && hasPage(dir))
  .map((dir) => path.relative(ORG_ROOT, dir));

describe("pages with an id in the path answer a real 404", () => {
  it("finds the id routes", () => {
    expect(idSegments).toContain("findings/[id]");
    expect(idSegments).toContain("teams/[team]");
  });

  it.each(idSegments.filter((s) => !CHECKED_BY_PARENT_LAYOUT.has(s)))(
    "%s: no loading boundary above it, and a guarding layout beside its own",
    (segment) => {
      const parts = segment.split(path.sep);
      for (let i = 0; i < parts.length; i++) {
        const above = path.join(ORG_ROOT, ...parts.slice(0, i));
        expect(existsSync(path.join(above, "loading.tsx")), `${above}/loading.tsx wraps ${segment}`).toBe(false);
      }
      const dir = path.join(ORG_ROOT, segment);
      const ownLoading = [dir, ...groupsIn(dir).map((g) => path.join(dir, g))].some((d) =>
        existsSync(path.join(d, "loading.tsx")),
      );
      if (ownLoading) {
        expect(existsSync(path.join(dir, "layout.tsx")), `${segment} needs a layout.tsx with the access check`).toBe(
          true,
        );
      }
    },
  );
});

// Pass/fail bookkeeping of the load and fault scripts. Each check prints one line
// `CHECK PASS|FAIL <suite>: <name> — <detail>`; the test runner (scripts/test-all.ts) counts these
// lines as tests.

export const CHECK_LINE = /^CHECK (PASS|FAIL) /;

export function createChecks(suite: string) {
  const results: { name: string; ok: boolean }[] = [];
  return {
    record(name: string, ok: boolean, detail = ""): boolean {
      results.push({ name, ok });
      console.log(`CHECK ${ok ? "PASS" : "FAIL"} ${suite}: ${name}${detail ? ` — ${detail}` : ""}`);
      return ok;
    },
    /** Prints the totals; returns how many checks failed. */
    summary(): number {
      const failed = results.filter((r) => !r.ok).length;
      console.log(`[${suite}] ${results.length - failed} checks passed, ${failed} failed`);
      return failed;
    },
  };
}

/** One result of an uploaded scan, as `bumpers check` sends it: a failing check on a Deployment. */
export function scanResult(checkId: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    checkId,
    severity: "medium",
    category: "security",
    title: checkId,
    namespace: "default",
    kind: "Deployment",
    name,
    file: "deploy/app.yaml",
    line: 3,
    messages: ["Something is wrong."],
    blocking: false,
    ...extra,
  };
}

import { recordCiScan } from "@/lib/ci/record-scan";
import { MAX_SCAN_BYTES, parseScanUpload } from "@/lib/ci/schemas";
import { readReportBody } from "@/lib/ingest/read-body";
import { env } from "@/lib/server/env";
import { json, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/ci/scan-results: one `bumpers check --server` run's failing checks for a
 * repository's branch and commit. The branch's CI findings become exactly these.
 */
export const POST = withApi(
  async ({ req, url, org }) => {
    const body = await readReportBody(req, MAX_SCAN_BYTES);
    const scan = parseScanUpload(body.toString("utf8"));
    const summary = await recordCiScan(org.id, scan);
    // The public address when one is configured: behind a proxy the request's own origin is internal.
    const link = new URL(`/o/${org.slug}/findings/ci`, env().NEXTAUTH_URL ?? url.origin);
    link.searchParams.set("repository", scan.repository);
    link.searchParams.set("branch", scan.branch);
    return json({ ...summary, url: link.toString() }, { status: 201 });
  },
  { permission: "org:settings:manage", tokenKinds: ["ci", "org_admin"] },
);

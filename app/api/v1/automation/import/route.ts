import { json, withApi } from "@/lib/api/http";
import { dryRunOf, readText } from "@/lib/automation/rules/api-input";
import { importRulesYaml } from "@/lib/automation/rules/yaml";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/automation/import?dryRun=true|false (body: the YAML file): checks the whole file
 * (400 with every problem and its line in `details.issues`), answers the diff, and with
 * dryRun=false replaces the org's rule lists with it in one transaction.
 */
export const POST = withApi(
  async ({ req, url, org, actor }) => {
    const dryRun = dryRunOf(url);
    return json({ data: await importRulesYaml(org.id, actor, await readText(req), { dryRun }) });
  },
  { permission: "org:settings:manage" },
);

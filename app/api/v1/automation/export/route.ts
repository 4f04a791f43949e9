import { withApi } from "@/lib/api/http";
import { exportRulesYaml } from "@/lib/automation/rules/yaml";

export const dynamic = "force-dynamic";

/** GET /api/v1/automation/export: every rule list of the org as a YAML file (text/yaml). */
export const GET = withApi(
  async ({ org }) =>
    new Response(await exportRulesYaml(org.id), {
      headers: {
        "content-type": "text/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${org.slug}-automation-rules.yaml"`,
      },
    }),
  { permission: "org:settings:manage" },
);

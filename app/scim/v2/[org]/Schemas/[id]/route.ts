import { schema } from "@/lib/scim/discovery";
import { scimJson, withScim } from "@/lib/scim/http";

export const GET = withScim<{ org: string; id: string }>(async ({ base, params }) => scimJson(schema(base, params.id)));

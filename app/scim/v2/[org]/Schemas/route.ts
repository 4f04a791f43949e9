import { schemas } from "@/lib/scim/discovery";
import { scimJson, withScim } from "@/lib/scim/http";

export const GET = withScim(async ({ base }) => scimJson(schemas(base)));

import { serviceProviderConfig } from "@/lib/scim/discovery";
import { scimJson, withScim } from "@/lib/scim/http";

export const GET = withScim(async ({ base }) => scimJson(serviceProviderConfig(base)));

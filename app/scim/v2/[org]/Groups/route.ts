import { withScim } from "@/lib/scim/http";
import { createGroup, listGroups } from "@/lib/scim/group-endpoints";

/** SCIM 2.0 Groups of the org, each linked to a team (lib/scim/README.md). */
export const GET = withScim(listGroups);
export const POST = withScim(createGroup);

import { withScim } from "@/lib/scim/http";
import { createUser, listUsers } from "@/lib/scim/user-endpoints";

/** SCIM 2.0 Users of the org (lib/scim/README.md): list and filter, create. */
export const GET = withScim(listUsers);
export const POST = withScim(createUser);

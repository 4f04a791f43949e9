import { withScim } from "@/lib/scim/http";
import { deleteUser, getUser, patchUser, replaceUser } from "@/lib/scim/user-endpoints";

export const GET = withScim(getUser);
export const PUT = withScim(replaceUser);
export const PATCH = withScim(patchUser);
export const DELETE = withScim(deleteUser);

import { withScim } from "@/lib/scim/http";
import { deleteGroup, getGroup, patchGroup, replaceGroup } from "@/lib/scim/group-endpoints";

export const GET = withScim(getGroup);
export const PUT = withScim(replaceGroup);
export const PATCH = withScim(patchGroup);
export const DELETE = withScim(deleteGroup);

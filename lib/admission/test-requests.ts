import type { TKubeObject } from "@/lib/policies/types";
import type { TAdmissionRequest } from "./review";

/** How the API server names a Deployment in an AdmissionReview: its kind and the resource it was written through. */
export const DEPLOYMENT_KIND = {
  kind: { group: "apps", version: "v1", kind: "Deployment" },
  resource: { group: "apps", version: "v1", resource: "deployments" },
};

/** A developer's CREATE of Deployment shop/shop, the request admission tests start from. */
export function deploymentRequest(
  object: TKubeObject | null,
  overrides: Partial<TAdmissionRequest> = {},
): TAdmissionRequest {
  return {
    uid: "705ab4f5-6393-11e8-b7cc-42010a800002",
    ...DEPLOYMENT_KIND,
    namespace: "shop",
    name: "shop",
    operation: "CREATE",
    object,
    userInfo: { username: "dev@acme.test" },
    ...overrides,
  };
}

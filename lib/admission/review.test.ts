import { describe, expect, it } from "vitest";
import { deploymentWithContainer, goodContainer, goodDeployment } from "@/lib/policies/test-manifests";
import { defaultSetting } from "@/lib/policies/effective";
import {
  DEFAULT_ADMISSION_POLICY,
  decideAdmission,
  MAX_WARNING_LENGTH,
  MAX_WARNINGS,
  reviewAdmission,
  ZAdmissionReview,
} from "./review";
import type { TAdmissionPolicy } from "./review";
import { deploymentRequest } from "./test-requests";

/** The org blocks these checks in admission; the rest keep their defaults. */
function blockingPolicy(checkIds: string[], overrides: Partial<TAdmissionPolicy> = {}): TAdmissionPolicy {
  return {
    ...DEFAULT_ADMISSION_POLICY,
    setting: (check) => ({ ...defaultSetting(check), blockAdmission: checkIds.includes(check.id) }),
    ...overrides,
  };
}

const privileged = () => deploymentWithContainer({ securityContext: { privileged: true } });

const request = deploymentRequest;

describe("reviewAdmission", () => {
  it("allows a good Deployment without warnings and echoes the uid", () => {
    const review = reviewAdmission(request(goodDeployment()));
    expect(review).toEqual({
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      response: { uid: "705ab4f5-6393-11e8-b7cc-42010a800002", allowed: true },
    });
  });

  it("only warns by default, even on a critical check: the org decides what blocks", () => {
    const decision = decideAdmission(request(privileged()));
    expect(decision.review.response.allowed).toBe(true);
    expect(decision.outcome).toBe("warned");
    expect(decision.review.response.warnings?.[0]).toMatch(/^\[bumpers\] critical runAsPrivileged: /);
  });

  it("denies a check the org blocks, with the check and how to fix it", () => {
    const decision = decideAdmission(request(privileged()), blockingPolicy(["runAsPrivileged"]));
    const review = decision.review;
    expect(decision.outcome).toBe("denied");
    expect(decision.blocking.map((r) => r.checkId)).toEqual(["runAsPrivileged"]);
    expect(review.response.allowed).toBe(false);
    expect(review.response.status?.code).toBe(403);
    expect(review.response.status?.message).toContain("runAsPrivileged");
    expect(review.response.status?.message).toContain("Remove privileged: true");
  });

  it("warns, without blocking, on failures of non-critical checks", () => {
    const review = reviewAdmission(request(deploymentWithContainer({ livenessProbe: undefined })));
    expect(review.response.allowed).toBe(true);
    expect(review.response.status).toBeUndefined();
    expect(review.response.warnings?.length).toBeGreaterThan(0);
    expect(review.response.warnings?.join("\n")).toContain("[bumpers]");
  });

  it("allows DELETE and kinds the engine does not handle, silently", () => {
    const privileged = deploymentWithContainer({ securityContext: { privileged: true } });
    expect(reviewAdmission(request(null, { operation: "DELETE", oldObject: privileged })).response).toEqual({
      uid: "705ab4f5-6393-11e8-b7cc-42010a800002",
      allowed: true,
    });
    const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: {} };
    expect(reviewAdmission(request(configMap)).response).toEqual({
      uid: "705ab4f5-6393-11e8-b7cc-42010a800002",
      allowed: true,
    });
  });

  it("neither blocks nor warns on checks exempted by annotation with a reason", () => {
    const object = goodDeployment({
      annotations: {
        "bumpers.io/exempt": "runAsPrivileged, privilegeEscalationAllowed",
        "bumpers.io/exempt-reason": "CNI plugin",
      },
      podSpec: {
        containers: [
          goodContainer({ securityContext: { ...(goodContainer().securityContext as object), privileged: true } }),
        ],
      },
    });
    expect(reviewAdmission(request(object), blockingPolicy(["runAsPrivileged"])).response).toEqual({
      uid: "705ab4f5-6393-11e8-b7cc-42010a800002",
      allowed: true,
    });
  });

  it("in passive mode allows what would be denied, warns 'would deny' and says so in the decision", () => {
    const decision = decideAdmission(request(privileged()), blockingPolicy(["runAsPrivileged"], { passive: true }));
    expect(decision.review.response.allowed).toBe(true);
    expect(decision.outcome).toBe("warned");
    expect(decision.passive).toBe(true);
    expect(decision.review.response.warnings?.[0]).toMatch(/^\[bumpers\] would deny runAsPrivileged: /);
  });

  it("applies the effective severity, skips disabled checks and honours exemptions the caller resolved", () => {
    const policy: TAdmissionPolicy = {
      ...DEFAULT_ADMISSION_POLICY,
      setting: (check) => ({
        ...defaultSetting(check),
        enabled: check.id !== "livenessProbeMissing",
        severity: check.id === "readinessProbeMissing" ? "critical" : check.defaultSeverity,
      }),
      exemption: (checkId) => (checkId === "runAsPrivileged" ? "Resolved in Bumpers: will not fix" : null),
    };
    const object = deploymentWithContainer({
      securityContext: { privileged: true },
      livenessProbe: undefined,
      readinessProbe: undefined,
    });
    const decision = decideAdmission(request(object), policy);
    const ids = decision.failing.map((r) => r.checkId);
    expect(ids).not.toContain("livenessProbeMissing");
    expect(ids).not.toContain("runAsPrivileged");
    expect(decision.failing.find((r) => r.checkId === "readinessProbeMissing")?.severity).toBe("critical");
    expect(decision.exempted).toEqual([{ checkId: "runAsPrivileged", note: "Resolved in Bumpers: will not fix" }]);
  });

  it("bounds the number and length of warnings", () => {
    const containers = Array.from({ length: 15 }, (_, i) =>
      goodContainer({ name: `c-${"x".repeat(80)}-${i}`, livenessProbe: undefined }),
    );
    const review = reviewAdmission(request(goodDeployment({ podSpec: { containers } })));
    const warnings = review.response.warnings ?? [];
    expect(review.response.allowed).toBe(true);
    expect(warnings).toHaveLength(MAX_WARNINGS);
    expect(warnings.every((warning) => warning.length <= MAX_WARNING_LENGTH)).toBe(true);
    expect(warnings.at(-1)).toMatch(/^\[bumpers\] …and \d+ more$/);
  });
});

describe("ZAdmissionReview", () => {
  it("accepts an API server review and rejects a wrong shape", () => {
    const body = { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: request(goodDeployment()) };
    expect(ZAdmissionReview.safeParse(body).success).toBe(true);
    expect(ZAdmissionReview.safeParse({ ...body, request: { uid: "x" } }).success).toBe(false);
  });
});

/** The shapes shared by the policy engine, its checks and its callers (admission, CI, settings). */

import type { TCheckCategory } from "../domain/categories";
import type { TCheckSeverity } from "../domain/severity";
import type { TKubernetesVersion } from "./deprecations";

/** A check's category and severity: the domain's vocabulary (lib/domain), named here with the check's other shapes. */
export type { TCheckCategory, TCheckSeverity };

/** A Kubernetes object as parsed from YAML or JSON; nothing about its shape is trusted. */
export type TKubeObject = Record<string, unknown>;

/** A container of the Pod template, with the JSON path of the container inside the object. */
export type TContainerRef = {
  name: string;
  kind: "container" | "initContainer";
  path: string;
  spec: Record<string, unknown>;
};

/** What a check is given: the object, and its Pod template when the object has one. */
export type TCheckContext = {
  object: TKubeObject;
  kind: string;
  podSpec: Record<string, unknown> | null;
  /** JSON path of the Pod spec inside the object, e.g. `spec.template.spec`. */
  podSpecPath: string | null;
  containers: TContainerRef[];
  /** The Kubernetes version the object must run on; deprecation checks are skipped without it. */
  targetVersion: TKubernetesVersion | null;
};

export type TCheckFailure = {
  /** Name of the offending container, when the failure is about one container. */
  container?: string;
  /** JSON path of the field to change, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  path: string;
  message: string;
};

export type TCheck = {
  /** The Polaris check id when the check means the same, so agent, admission and CI findings share one identity. */
  id: string;
  title: string;
  category: TCheckCategory;
  defaultSeverity: TCheckSeverity;
  description: string;
  /** Written for app developers: what to change in the YAML, with a short snippet. */
  remediation: string;
  /** Kinds the check runs on (the others are skipped), or "all" for every kind. */
  appliesTo: readonly string[] | "all";
  evaluate: (ctx: TCheckContext) => TCheckFailure[];
};

export type TCheckResult = {
  checkId: string;
  severity: TCheckSeverity;
  category: TCheckCategory;
  title: string;
  failures: TCheckFailure[];
  exempted: boolean;
  /** Why an exemption was or was not applied, when the object asked for one. */
  exemptionNote?: string;
};

export type TEvaluation = {
  results: TCheckResult[];
};

import type { TCheck, TCheckContext, TCheckFailure } from "../types";
import { ALL_WORKLOADS, eachContainer, record } from "./helpers";

type TResourceCheck = {
  id: string;
  section: "requests" | "limits";
  resource: "cpu" | "memory";
  severity: TCheck["defaultSeverity"];
  title: string;
  description: string;
  example: string;
};

function resourceMissing(ctx: TCheckContext, section: string, resource: string): TCheckFailure[] {
  return eachContainer(ctx, (container) => {
    const value = record(record(container.spec.resources)[section])[resource];
    if (value !== undefined && value !== null && value !== "") return null;
    return {
      container: container.name,
      path: `${container.path}.resources.${section}.${resource}`,
      message: `Container "${container.name}" has no ${resource} ${section === "requests" ? "request" : "limit"}.`,
    };
  });
}

function resourceCheck(spec: TResourceCheck): TCheck {
  return {
    id: spec.id,
    title: spec.title,
    category: "efficiency",
    defaultSeverity: spec.severity,
    description: spec.description,
    remediation: `Set \`resources.${spec.section}.${spec.resource}\` on each container, sized from what the app really uses (the Costs page shows it):\n\n\`\`\`yaml\nresources:\n  ${spec.section}:\n    ${spec.resource}: ${spec.example}\n\`\`\``,
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => resourceMissing(ctx, spec.section, spec.resource),
  };
}

export const EFFICIENCY_CHECKS: TCheck[] = [
  resourceCheck({
    id: "cpuRequestsMissing",
    section: "requests",
    resource: "cpu",
    severity: "medium",
    title: "CPU request missing",
    description:
      "Without a CPU request the scheduler reserves no CPU for the container: it can land on a busy node and be starved, and its cost cannot be attributed accurately.",
    example: "250m",
  }),
  resourceCheck({
    id: "cpuLimitsMissing",
    section: "limits",
    resource: "cpu",
    severity: "low",
    title: "CPU limit missing",
    description:
      "Without a CPU limit a busy container can use every spare CPU of its node and slow down its neighbours.",
    example: '"1"',
  }),
  resourceCheck({
    id: "memoryRequestsMissing",
    section: "requests",
    resource: "memory",
    severity: "medium",
    title: "Memory request missing",
    description:
      "Without a memory request the scheduler reserves no memory for the container, so it can be placed on a full node and be the first one killed when memory runs out.",
    example: "256Mi",
  }),
  resourceCheck({
    id: "memoryLimitsMissing",
    section: "limits",
    resource: "memory",
    severity: "medium",
    title: "Memory limit missing",
    description:
      "Without a memory limit a leaking container can use all the memory of its node, and other pods on the node get killed instead of it.",
    example: "512Mi",
  }),
];

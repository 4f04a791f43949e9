// Policy engine micro-benchmark: evaluates a typical Deployment (two containers, one failing check
// group) with every built-in check, in-process, and prints p50/p99 per evaluation. The admission
// endpoint budget is "well under 10 ms"; this isolates the engine's share of it.
//
//   npx tsx scripts/bench-policies.ts [-- --iterations 10000]
import { performance } from "node:perf_hooks";
import { evaluateObject } from "@/lib/policies/evaluate";
import { goodContainer, goodDeployment, goodPodSpec } from "@/lib/policies/test-manifests";

const flag = process.argv.indexOf("--iterations");
const iterations = flag > 0 ? Number(process.argv[flag + 1]) : 10_000;
if (!Number.isInteger(iterations) || iterations < 1) throw new Error("--iterations must be a positive integer");

const deployment = goodDeployment({
  annotations: { "bumpers.io/exempt": "readinessProbeMissing", "bumpers.io/exempt-reason": "batch worker" },
  podSpec: goodPodSpec({
    containers: [
      goodContainer(),
      goodContainer({
        name: "sidecar",
        image: "envoyproxy/envoy:latest",
        readinessProbe: undefined,
        securityContext: {},
      }),
    ],
  }),
});

// Warm up the JIT so the figures describe a long-running server, not the first requests.
for (let i = 0; i < 1_000; i++) evaluateObject(deployment);

const samples = new Float64Array(iterations);
let failures = 0;
for (let i = 0; i < iterations; i++) {
  const start = performance.now();
  const { results } = evaluateObject(deployment);
  samples[i] = performance.now() - start;
  failures += results.filter((r) => r.failures.length > 0).length;
}
samples.sort();
const pick = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))]!;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(
  `evaluateObject on a typical Deployment, ${iterations} runs (${failures / iterations} failing checks each): ` +
    `p50 ${us(pick(0.5))}, p99 ${us(pick(0.99))}, max ${us(samples[iterations - 1]!)}`,
);

// A fake PagerDuty Events API v2 for demos and manual testing (lib/testing/fake-pagerduty.ts).
//   npx tsx scripts/fake-pagerduty.ts [--port 8787] [--host 127.0.0.1]
// Then point Bumpers at it: PAGERDUTY_EVENTS_URL=http://127.0.0.1:8787
import { startFakePagerDuty } from "@/lib/testing/fake-pagerduty";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fake = await startFakePagerDuty({ port: Number(arg("port") ?? 8787), host: arg("host") ?? "127.0.0.1" });
console.log(`[fake-pagerduty] Events API on ${fake.url}/v2/enqueue`);
console.log(`[fake-pagerduty] incidents: GET ${fake.url}/v2/incidents   events: GET ${fake.url}/v2/events`);
console.log(`[fake-pagerduty] misbehave: POST ${fake.url}/v2/fail {"mode":"429"|"500"|"hang","count":N}`);

const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

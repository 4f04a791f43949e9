import { createHmac, randomUUID } from "node:crypto";

// The fake GitHub's webhook deliveries, sent the way GitHub sends them: a POST of the JSON
// payload with X-GitHub-Event, X-GitHub-Delivery (a uuid) and X-Hub-Signature-256 (HMAC-SHA256
// hex of the raw body with the webhook's secret). Each one is recorded with its answer.

export type TFakeGithubDelivery = {
  id: string;
  event: string;
  action: string | null;
  status: number | null;
  error?: string;
};

export class FakeGithubWebhooks {
  private target: { url: string; secret: string } | null;
  private sent: TFakeGithubDelivery[] = [];
  private pending = new Set<Promise<void>>();

  constructor(target: { url: string; secret: string } | null) {
    this.target = target;
  }

  get url() {
    return this.target?.url ?? null;
  }

  set(url: string | null, secret: string) {
    this.target = url ? { url, secret } : null;
  }

  deliver(event: string, payload: Record<string, unknown>) {
    if (!this.target) return;
    const { url, secret } = this.target;
    const raw = JSON.stringify(payload);
    const record: TFakeGithubDelivery = {
      id: randomUUID(),
      event,
      action: (payload.action as string) ?? null,
      status: null,
    };
    this.sent.push(record);
    const done = fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/fake",
        "x-github-delivery": record.id,
        "x-github-event": event,
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`,
      },
      body: raw,
    })
      .then((res) => {
        record.status = res.status;
      })
      .catch((error: unknown) => {
        record.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  deliveries() {
    return [...this.sent];
  }

  async flush() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  reset() {
    this.sent = [];
  }
}

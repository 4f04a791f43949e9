import type http from "node:http";
import {
  escapeHtml,
  FailQueue,
  htmlPage,
  sendJson,
  type TFakeRequest,
  startFakeService,
  type TFakeService,
} from "./fake-http";

// A Microsoft Teams Workflows double: the HTTP trigger of a Power Automate flow "When a Teams
// webhook request is received" that posts the Adaptive Card it gets. Answers 202 with no body,
// and errors the way Azure's workflow endpoints do: {"error": {"code", "message"}}.
//
//   POST /workflows/<id>/triggers/manual/paths/invoke?…&sig=<sig>   (and POST /workflows/<id>)
//   GET  /_fake/cards?workflow=<id>   cards received, oldest first
//   POST /_fake/fail                  {"mode":"429"|"500"|"hang","count":N}
//   POST /_fake/reset                 forget every card
//   GET  /                            a readable page of the cards per workflow

export type TFakeTeamsMode = "429" | "500" | "hang";
const MODES: readonly TFakeTeamsMode[] = ["429", "500", "hang"];

export type TFakeWorkflow = { id: string; name: string; sig: string };

export type TFakeTeamsCard = { workflow: string; receivedAt: string; card: Record<string, unknown> };

export type TFakeTeams = TFakeService<TFakeTeamsMode> & {
  /** The trigger URL of a workflow, signature included, as Teams shows it. */
  workflowUrl: (id?: string) => string;
  cards: (workflow?: string) => TFakeTeamsCard[];
  /** The flow is deleted: its URL answers 404 from now on. */
  removeWorkflow: (id: string) => void;
};

const DEFAULT_WORKFLOWS: TFakeWorkflow[] = [
  { id: "a1b2c3d4e5f6-alerts", name: "Platform alerts channel", sig: "fakeSigAlerts0123456789abcdefghijklmnopq" },
  { id: "f6e5d4c3b2a1-payments", name: "Payments channel", sig: "fakeSigPayments0123456789abcdefghijklmno" },
];

/** Teams refuses messages over about 28 KB. */
const MAX_CARD_BYTES = 28 * 1024;
const ELEMENT_TYPES = new Set([
  "TextBlock",
  "RichTextBlock",
  "FactSet",
  "ColumnSet",
  "Container",
  "Image",
  "ImageSet",
  "ActionSet",
  "Table",
]);
const ACTION_TYPES = new Set([
  "Action.OpenUrl",
  "Action.Submit",
  "Action.ShowCard",
  "Action.ToggleVisibility",
  "Action.Execute",
]);
const VERSIONS = new Set(["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"]);

/** What Teams would refuse in this envelope; empty when it would post the card. */
export function validateTeamsEnvelope(envelope: unknown): string[] {
  const e = envelope as { type?: unknown; attachments?: unknown };
  if (!e || typeof e !== "object") return ["The request body is not a JSON object."];
  if (e.type !== "message") return [`'type' must be "message".`];
  if (!Array.isArray(e.attachments) || e.attachments.length === 0) return ["'attachments' must be a non-empty array."];
  const issues: string[] = [];
  e.attachments.forEach((raw, i) => {
    const a = raw as { contentType?: unknown; content?: Record<string, unknown> };
    const at = `attachments[${i}]`;
    if (a.contentType !== "application/vnd.microsoft.card.adaptive") {
      issues.push(`${at}.contentType must be "application/vnd.microsoft.card.adaptive".`);
      return;
    }
    const card = a.content;
    if (!card || card.type !== "AdaptiveCard") return void issues.push(`${at}.content.type must be "AdaptiveCard".`);
    if (!VERSIONS.has(String(card.version)))
      issues.push(`${at}.content.version "${String(card.version)}" is not supported.`);
    if (!Array.isArray(card.body)) return void issues.push(`${at}.content.body must be an array.`);
    (card.body as Array<Record<string, unknown>>).forEach((el, j) => {
      if (!ELEMENT_TYPES.has(String(el?.type)))
        issues.push(`${at}.content.body[${j}]: unknown element type "${String(el?.type)}".`);
      if (el?.type === "TextBlock" && typeof el.text !== "string")
        issues.push(`${at}.content.body[${j}].text is required.`);
      if (el?.type === "RichTextBlock" && !Array.isArray(el.inlines))
        issues.push(`${at}.content.body[${j}].inlines is required.`);
      if (el?.type === "FactSet" && !Array.isArray(el.facts))
        issues.push(`${at}.content.body[${j}].facts is required.`);
    });
    ((card.actions as Array<Record<string, unknown>> | undefined) ?? []).forEach((action, j) => {
      if (!ACTION_TYPES.has(String(action?.type)))
        issues.push(`${at}.content.actions[${j}]: unknown action "${String(action?.type)}".`);
      if (action?.type === "Action.OpenUrl" && typeof action.url !== "string")
        issues.push(`${at}.content.actions[${j}].url is required.`);
    });
  });
  return issues;
}

const azureError = (res: http.ServerResponse, status: number, code: string, message: string, headers = {}) =>
  sendJson(res, status, { error: { code, message } }, headers);

export function startFakeTeams(
  options: { port?: number; host?: string; workflows?: TFakeWorkflow[] } = {},
): Promise<TFakeTeams> {
  const workflows = new Map((options.workflows ?? DEFAULT_WORKFLOWS).map((w) => [w.id, { ...w }]));
  let cards: TFakeTeamsCard[] = [];
  const failures = new FailQueue<TFakeTeamsMode>();
  const reset = () => {
    cards = [];
  };

  function trigger(id: string, req: TFakeRequest, res: http.ServerResponse) {
    const mode = failures.next();
    if (mode === "hang") return;
    if (mode === "429") {
      return azureError(res, 429, "WorkflowRequestsThrottled", "The request was throttled; retry later.", {
        "retry-after": "1",
      });
    }
    if (mode === "500") return azureError(res, 500, "InternalServerError", "The server encountered an internal error.");
    const workflow = workflows.get(id);
    if (!workflow) return azureError(res, 404, "WorkflowNotFound", `The workflow '${id}' could not be found.`);
    const sig = req.query.get("sig");
    if (sig !== null && sig !== workflow.sig) {
      return azureError(res, 401, "DirectApiInvalidAuthorizationSignature", "The provided signature is not valid.");
    }
    if (Buffer.byteLength(req.body) > MAX_CARD_BYTES) {
      return azureError(res, 413, "MessageSizeLimitExceeded", "Request Entity too large.");
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(req.body);
    } catch {
      return azureError(res, 400, "InvalidRequestContent", "The request content is not valid JSON.");
    }
    const issues = validateTeamsEnvelope(envelope);
    if (issues.length) return azureError(res, 400, "InvalidRequestContent", issues.join(" "));
    const card = (envelope as { attachments: Array<{ content: Record<string, unknown> }> }).attachments[0]!.content;
    cards.push({ workflow: id, receivedAt: new Date().toISOString(), card });
    res.writeHead(202);
    res.end();
  }

  function page(): string {
    const sections = [...workflows.values()].map((w) => {
      const items = cards
        .filter((c) => c.workflow === w.id)
        .map(
          (c) =>
            `<div class="item"><div class="meta">${escapeHtml(c.receivedAt)}</div><pre>${escapeHtml(cardText(c.card))}</pre></div>`,
        );
      return `<h2>${escapeHtml(w.name)} <span class="meta">${escapeHtml(w.id)}</span></h2>${items.join("") || '<p class="meta">No cards.</p>'}`;
    });
    return htmlPage("Fake Microsoft Teams (Workflows)", sections.join(""));
  }

  return startFakeService(
    { failures, modes: MODES, reset, page },
    (req, res) => {
      const match = /^\/workflows\/([^/]+)(\/triggers\/manual\/paths\/invoke)?\/?$/.exec(req.path);
      if (req.method === "POST" && match) return trigger(decodeURIComponent(match[1]!), req, res);
      if (req.method === "GET" && req.path === "/_fake/cards") {
        const workflow = req.query.get("workflow");
        return sendJson(res, 200, { cards: cards.filter((c) => !workflow || c.workflow === workflow) });
      }
      azureError(res, 404, "NotFound", "Not found. POST /workflows/<id>/triggers/manual/paths/invoke.");
    },
    options,
  ).then((server) => ({
    ...server,
    workflowUrl: (id = [...workflows.keys()][0]!) => {
      const workflow = workflows.get(id);
      if (!workflow) throw new Error(`The fake Teams has no workflow ${id}`);
      return `${server.url}/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${workflow.sig}`;
    },
    cards: (workflow) => cards.filter((c) => !workflow || c.workflow === workflow),
    removeWorkflow: (id) => void workflows.delete(id),
  }));
}

/** The card's text, line by line, for the page. */
function cardText(card: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const el of (card.body as Array<Record<string, unknown>>) ?? []) {
    if (typeof el.text === "string") lines.push(el.text);
    for (const run of (el.inlines as Array<{ text?: string }>) ?? []) if (run.text) lines.push(run.text);
    for (const fact of (el.facts as Array<{ title: string; value: string }>) ?? [])
      lines.push(`${fact.title}: ${fact.value}`);
  }
  for (const action of (card.actions as Array<{ title?: string; url?: string }>) ?? []) {
    lines.push(`[${action.title ?? "action"}] ${action.url ?? ""}`);
  }
  return lines.join("\n");
}

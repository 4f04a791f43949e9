import { TRANSITIONS } from "./fake-jira-data";
import { adfText, type TFakeJiraIssue } from "./fake-jira-shapes";
import { escapeHtml, htmlPage } from "./fake-http";

// The fake Jira's page: every issue with its status, the buttons a person clicks (Done, Won't do,
// Reopen: plain forms, so a browser or curl can drive it) and a comment box. Each change sends the
// webhook Jira would, with the person as its user.

const BUTTONS = ["Done", "Won't do", "Reopen"];

const text = (body: unknown) => (typeof body === "string" ? body : adfText(body));

function issueCard(issue: TFakeJiraIssue): string {
  const offered = new Set(TRANSITIONS.filter((t) => t.from.includes(issue.status)).map((t) => t.name));
  const key = encodeURIComponent(issue.key);
  const buttons = BUTTONS.filter((name) => offered.has(name))
    .map(
      (name) => `<form method="post" action="/fake/issues/${key}/transition" style="display:inline">
<input type="hidden" name="to" value="${escapeHtml(name)}"><button>${escapeHtml(name)}</button></form>`,
    )
    .join(" ");
  const comments = issue.comments
    .map(
      (c) =>
        `<div class="meta">${escapeHtml(c.author.displayName)} · ${escapeHtml(c.created)}</div><pre>${escapeHtml(text(c.body))}</pre>`,
    )
    .join("");
  return `<div class="item" id="${escapeHtml(issue.key)}">
<strong>${escapeHtml(issue.key)}</strong> ${escapeHtml(issue.summary)}
<div class="meta">${escapeHtml(issue.status)}${issue.resolution ? ` (${escapeHtml(issue.resolution)})` : ""} · ${escapeHtml(issue.issueType)} · labels: ${escapeHtml(issue.labels.join(", ") || "none")}</div>
<pre>${escapeHtml(text(issue.description))}</pre>
${buttons}
<div class="replies">${comments}</div>
<form method="post" action="/fake/issues/${key}/comment"><input name="text" aria-label="Comment on ${escapeHtml(issue.key)}" size="60"> <button>Comment</button></form>
</div>`;
}

export function fakeJiraPage(issues: TFakeJiraIssue[]): string {
  const body = issues.length ? issues.map(issueCard).join("\n") : "<p>No issues yet.</p>";
  return htmlPage("Fake Jira", body);
}

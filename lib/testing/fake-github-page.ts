import { escapeHtml, htmlPage } from "./fake-http";
import type { TFakeIssue } from "./fake-github-shapes";

// The fake GitHub's page for people: every issue with its comments, and plain HTML forms that
// close, reopen and comment as the user "octocat" (so the demo and e2e tests can make a change
// the way a developer would, and watch the webhook flow back into Bumpers).

function issueHtml(issue: TFakeIssue): string {
  const path = `/fake/repos/${escapeHtml(issue.repo)}/issues/${issue.number}`;
  const state = issue.state === "open" ? "open" : `closed (${issue.stateReason ?? "completed"})`;
  const actions =
    issue.state === "open"
      ? `<form method="post" action="${path}/close" style="display:inline"><input type="hidden" name="reason" value="completed"><button>Close as completed</button></form>
<form method="post" action="${path}/close" style="display:inline"><input type="hidden" name="reason" value="not_planned"><button>Close as not planned</button></form>`
      : `<form method="post" action="${path}/reopen" style="display:inline"><button>Reopen</button></form>`;
  const comments = issue.comments
    .map(
      (c) =>
        `<div class="item"><div class="meta">${escapeHtml(c.user)} · ${escapeHtml(c.createdAt)}</div><pre>${escapeHtml(c.body)}</pre></div>`,
    )
    .join("");
  return `<div class="item" data-issue="${escapeHtml(issue.repo)}#${issue.number}">
<strong>${escapeHtml(issue.repo)}#${issue.number}</strong> ${escapeHtml(issue.title)}
<div class="meta">${escapeHtml(state)} · labels: ${escapeHtml(issue.labels.join(", ") || "none")} · by ${escapeHtml(issue.user)}</div>
<pre>${escapeHtml(issue.body ?? "")}</pre>
<div class="replies">${comments}</div>
${actions}
<form method="post" action="${path}/comments"><label>Comment <textarea name="body" rows="2" cols="60"></textarea></label> <button>Comment</button></form>
</div>`;
}

export function fakeGithubPage(issues: TFakeIssue[], webhookUrl: string | null): string {
  const hook = webhookUrl ? `Webhook: ${escapeHtml(webhookUrl)}` : "No webhook configured.";
  const list = issues.length ? issues.map(issueHtml).join("\n") : "<p>No issues yet.</p>";
  return htmlPage("Fake GitHub", `<p class="meta">${hook} Changes made here act as octocat.</p>\n${list}`);
}

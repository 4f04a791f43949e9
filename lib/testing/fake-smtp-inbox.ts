import type { TFakeMail } from "./fake-smtp-mail";

// The fake SMTP server's inbox pages: plain HTML, no script. A mail's own HTML is shown in an
// iframe with `sandbox` (no scripts, no same-origin access) and its own Content-Security-Policy,
// so a mail can neither run code nor load anything but its inline images from this inbox.

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #0f172a; background: #f8fafc; }
  header { padding: 12px 24px; background: #0f172a; color: #fff; }
  header a { color: #fff; text-decoration: none; font-weight: 600; }
  main { padding: 16px 24px; max-width: 1100px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
  th { font-weight: 600; color: #475569; }
  .muted { color: #64748b; }
  iframe { width: 100%; height: 70vh; border: 1px solid #cbd5e1; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #e2e8f0; padding: 12px; }
`;

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><header><a href="/">Bumpers fake mail inbox</a></header><main>${body}</main></body></html>`;
}

export function inboxPage(mails: TFakeMail[]): string {
  const rows = mails
    .map(
      (m) => `<tr><td class="muted">${escapeHtml(m.receivedAt.replace("T", " ").slice(0, 19))}</td>
<td>${escapeHtml(m.envelope.to.join(", "))}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>
<td class="muted">${escapeHtml(m.from)}</td></tr>`,
    )
    .join("");
  const table = mails.length
    ? `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th><th>From</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">No mail yet. Mails that Bumpers sends to this server show up here.</p>`;
  return shell("Inbox", `<h1>Inbox (${mails.length})</h1>${table}`);
}

/** The mail's HTML with `cid:` images pointing at this inbox, wrapped for the sandboxed frame. */
export function framedMailHtml(mail: TFakeMail, origin: string): string {
  const cidUrl = (cid: string) => `${origin}/messages/${encodeURIComponent(mail.id)}/cid/${encodeURIComponent(cid)}`;
  const html = (mail.html ?? "").replace(/(["'(])cid:([^"')\s]+)/gi, (_m, quote: string, cid: string) => {
    return `${quote}${cidUrl(decodeURIComponent(cid))}`;
  });
  const head =
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${origin} data:; style-src 'unsafe-inline'">` +
    `<base target="_blank">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (tag) => tag + head) : head + html;
}

export function messagePage(mail: TFakeMail, origin: string): string {
  const headerRows = Object.entries(mail.headers)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("");
  const attachments = mail.attachments
    .map((a, i) => {
      const href = `/messages/${encodeURIComponent(mail.id)}/cid/${encodeURIComponent(a.cid ?? `#${i}`)}`;
      const name = a.filename ?? a.cid ?? `attachment ${i + 1}`;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(name)}</a> <span class="muted">${escapeHtml(a.contentType)}, ${a.size} bytes${a.inline ? ", inline" : ""}${a.cid ? `, cid ${escapeHtml(a.cid)}` : ""}</span></li>`;
    })
    .join("");
  const html = mail.html
    ? `<h2>HTML</h2><iframe title="The mail's HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(framedMailHtml(mail, origin))}"></iframe>`
    : "";
  return shell(
    mail.subject || "(no subject)",
    `<h1>${escapeHtml(mail.subject || "(no subject)")}</h1>
<table><tbody>
<tr><th>From</th><td>${escapeHtml(mail.from)}</td></tr>
<tr><th>To</th><td>${escapeHtml(mail.to.join(", "))}</td></tr>
<tr><th>Envelope</th><td>${escapeHtml(mail.envelope.from)} → ${escapeHtml(mail.envelope.to.join(", "))}</td></tr>
<tr><th>Received</th><td>${escapeHtml(mail.receivedAt)} (${mail.size} bytes)</td></tr>
</tbody></table>
${html}
<h2>Plain text</h2><pre>${escapeHtml(mail.text)}</pre>
${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ""}
<h2>Headers</h2><table><tbody>${headerRows}</tbody></table>`,
  );
}

export function notFoundPage(): string {
  return shell("Not found", `<h1>Not found</h1><p><a href="/">Back to the inbox</a></p>`);
}

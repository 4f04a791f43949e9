import { simpleParser, type AddressObject } from "mailparser";

// A mail as the fake SMTP server (lib/testing/fake-smtp.ts) keeps it: parsed with mailparser,
// with the headers as sent and the attachments' bytes.

export type TFakeMailAttachment = {
  filename: string | null;
  contentType: string;
  /** Content-ID without angle brackets: the HTML shows it with `cid:<cid>`. */
  cid: string | null;
  inline: boolean;
  size: number;
  content: Buffer;
};

export type TFakeMail = {
  id: string;
  receivedAt: string;
  /** What the client said in MAIL FROM and RCPT TO. */
  envelope: { from: string; to: string[] };
  /** The user the client authenticated as, if it did. */
  user: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Every header by lower-case name, unfolded; a repeated header keeps its first value. */
  headers: Record<string, string>;
  attachments: TFakeMailAttachment[];
  size: number;
};

const addressesOf = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ""))
    .filter(Boolean);

/** Headers as the client sent them (mailparser decodes some into objects), by lower-case name. */
function rawHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    headers[key.toLowerCase()] ??= value;
  }
  return headers;
}

/** A mail as JSON: attachments without their bytes, with the address to fetch them. */
export function mailJson(mail: TFakeMail) {
  return {
    ...mail,
    attachments: mail.attachments.map(({ content: _content, ...a }, index) => ({
      ...a,
      url: `/messages/${mail.id}/cid/${encodeURIComponent(a.cid ?? `#${index}`)}`,
    })),
  };
}

/** Parses a received message; `meta` is what the SMTP session knew about it. */
export async function parseMail(raw: Buffer, meta: Pick<TFakeMail, "id" | "envelope" | "user">): Promise<TFakeMail> {
  // keepCidLinks: the HTML as sent (`cid:` references), not with the images inlined as data: URLs.
  const parsed = await simpleParser(raw, { keepCidLinks: true });
  return {
    ...meta,
    receivedAt: new Date().toISOString(),
    from: parsed.from?.text ?? "",
    to: addressesOf(parsed.to),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: parsed.html || null,
    headers: rawHeaders(parsed.headerLines),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      cid: a.cid ?? null,
      inline: a.contentDisposition === "inline" || a.related === true,
      size: a.size,
      content: a.content,
    })),
    size: raw.length,
  };
}

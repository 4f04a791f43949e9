import type { ReactElement } from "react";
import { toPlainText } from "@react-email/render";
import type { TMailAttachment } from "../mail";
import { renderMarkup } from "./render-markup";

// A template turned into what a mail carries: the HTML part (with React Email's XHTML doctype,
// which mail clients expect) and the plain-text part, converted from the HTML by React Email's own
// converter (what render(…, { plainText: true }) does).

export type TRenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** Inline images the HTML refers to with `cid:`. */
  attachments?: TMailAttachment[];
  /** List-Unsubscribe and List-Unsubscribe-Post, when the mail has an unsubscribe link. */
  headers?: Record<string, string>;
};

export const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** One line, however the data came: a subject is a header. */
export const oneLine = (value: string): string => value.replace(/\s+/g, " ").trim();

/**
 * React Email's conversion, plus: data tables (marked `data-text="table"`) as aligned columns
 * rather than a cell per line, and headings in their own case.
 */
const PLAIN_TEXT_OPTIONS = {
  selectors: [
    {
      selector: "table[data-text=table]",
      format: "dataTable",
      options: { uppercaseHeaderCells: false, maxColumnWidth: 48 },
    },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
};

export function renderEmail(
  subject: string,
  element: ReactElement,
  extras: {
    unsubscribeUrl?: string;
    /** Where List-Unsubscribe points when mail clients should POST somewhere else than the footer's page. */
    oneClickUnsubscribeUrl?: string;
    attachments?: TMailAttachment[];
  } = {},
): TRenderedEmail {
  const listUnsubscribe = extras.oneClickUnsubscribeUrl ?? extras.unsubscribeUrl;
  const markup = renderMarkup(element);
  return {
    subject: oneLine(subject),
    html: XHTML_DOCTYPE + markup,
    text: toPlainText(markup, PLAIN_TEXT_OPTIONS).trim(),
    ...(extras.attachments?.length ? { attachments: extras.attachments } : {}),
    ...(listUnsubscribe ? { headers: listUnsubscribeHeaders(listUnsubscribe) } : {}),
  };
}

/** RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the URL. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

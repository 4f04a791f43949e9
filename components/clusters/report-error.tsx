// A processing error can be one line or a long parser trace; the start says what went wrong, the
// rest is one click away. Both are capped so one bad report cannot bloat the page.
const PREVIEW_LINES = 4;
const PREVIEW_CHARS = 400;
const FULL_CHARS = 20_000;

const pre =
  "whitespace-pre-wrap break-words rounded-md bg-red-50/60 px-3 py-2 font-mono text-xs leading-5 text-red-900 ring-1 ring-inset ring-red-100";

function preview(error: string): { text: string; cut: boolean } {
  const whole = error.trimEnd();
  let text = whole.split("\n").slice(0, PREVIEW_LINES).join("\n");
  if (text.length > PREVIEW_CHARS) text = text.slice(0, PREVIEW_CHARS).trimEnd();
  return { text, cut: text.length < whole.length };
}

export function ReportError({ error }: { error: string | null }) {
  if (!error?.trim()) return <p className="text-xs text-slate-500">No error message was recorded.</p>;
  const { text, cut } = preview(error);
  if (!cut) {
    return <pre className={pre}>{text}</pre>;
  }
  const full =
    error.length > FULL_CHARS ? `${error.slice(0, FULL_CHARS)}\n… ${error.length - FULL_CHARS} more characters` : error;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none rounded-md focus-visible:outline-2 focus-visible:outline-brand-500 [&::-webkit-details-marker]:hidden">
        <pre className={`${pre} group-open:hidden`}>{text} …</pre>
        <span className="mt-1 inline-block text-xs font-medium text-brand-600 hover:text-brand-700">
          <span className="group-open:hidden">Show the whole error</span>
          <span className="hidden group-open:inline">Show less</span>
        </span>
      </summary>
      <pre className={`mt-1 max-h-96 overflow-auto ${pre}`}>{full.trimEnd()}</pre>
    </details>
  );
}

import { inlineSegments, paragraphs } from "@/lib/findings/ui-format";

/** A check's text: paragraphs, `code` and links; never HTML from the report. */
export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {paragraphs(text).map((p, i) => (
        <p key={i} className="mt-2 leading-relaxed whitespace-pre-line first:mt-0">
          {inlineSegments(p).map((s, j) =>
            s.type === "code" ? (
              <code key={j} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-800">
                {s.value}
              </code>
            ) : s.type === "link" ? (
              <a
                key={j}
                href={s.value}
                target="_blank"
                rel="noopener noreferrer"
                className="break-all text-brand-600 hover:text-brand-700 hover:underline"
              >
                {s.value}
              </a>
            ) : (
              <span key={j}>{s.value}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

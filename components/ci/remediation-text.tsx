import { RichText } from "@/components/findings/rich-text";
import { remediationBlocks } from "./remediation-blocks";

export function RemediationText({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-700">
      {remediationBlocks(text).map((block, i) =>
        block.type === "code" ? (
          <pre
            key={i}
            className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100"
            aria-label={block.language ? `${block.language} snippet` : undefined}
          >
            <code>{block.value}</code>
          </pre>
        ) : (
          <RichText key={i} text={block.value} />
        ),
      )}
    </div>
  );
}

import { buttonClass } from "@/components/ui/button";

/**
 * The "Export CSV" action of a cost card or page: the table as the export route answers it. A
 * page's export (`button`) looks like its other header actions.
 */
export function ExportLink({ href, button = false }: { href: string; button?: boolean }) {
  return (
    <a
      href={href}
      className={button ? buttonClass("secondary") : "text-sm font-medium text-brand-700 hover:underline"}
      download
    >
      Export CSV
    </a>
  );
}

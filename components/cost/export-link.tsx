/** The "Export CSV" action of a cost card: the card's table as the export route answers it. */
export function ExportLink({ href }: { href: string }) {
  return (
    <a href={href} className="text-sm font-medium text-brand-700 hover:underline" download>
      Export CSV
    </a>
  );
}

/** Hidden inputs posted with a form: the org's slug, the team's, the ids the action works on. */
export function HiddenFields({ values }: { values: Record<string, string | null | undefined> }) {
  return Object.entries(values).map(([name, value]) =>
    value == null ? null : <input key={name} type="hidden" name={name} value={value} />,
  );
}

/**
 * A form post as a server action receives it: each field once, or once per value for a list
 * (repeated `ids`, `categories`), in the order given.
 */
export function formOf(fields: Record<string, string | readonly string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
}

/** The `{ error: { code, message } }` body of an API or agent-endpoint error response. */
export async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: unknown } }).error;
}

/** Exit codes of `bumpers check`, documented in docs/ci.md; CI pipelines branch on them. */
export const EXIT = {
  ok: 0,
  blocking: 1,
  usage: 2,
  server: 3,
} as const;

export type TExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error meant for the person reading the CI log: its message is printed as is, without a stack,
 * and the process ends with its exit code.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: TExitCode,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, message);
}

export function serverError(message: string): CliError {
  return new CliError(EXIT.server, message);
}

import "server-only";
import type { TProviderContext, TTicketProvider } from "./provider";

// How verbs get a provider: `providerFor` (lib/tickets/providers) unless the caller hands one in.
// Tests pass a small in-memory provider through `options.provider`; the real one is loaded only
// when needed, so a verb's module does not pull both providers' HTTP clients in by itself.

export type TProviderFactory = (context: TProviderContext) => TTicketProvider;
export type TProviderOptions = { provider?: TProviderFactory };

export async function ticketProviderFor(
  context: TProviderContext,
  options: TProviderOptions = {},
): Promise<TTicketProvider> {
  if (options.provider) return options.provider(context);
  const { providerFor } = await import("./providers");
  return providerFor(context);
}

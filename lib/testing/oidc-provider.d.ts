// oidc-provider ships no type declarations. These cover what the fake identity provider
// (lib/testing/fake-oidc-provider.ts) uses of it, and nothing more.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type TAdapterPayload = Record<string, unknown>;

  /** Storage for one model (Session, Interaction, AuthorizationCode, Client, ...). */
  export interface Adapter {
    upsert(id: string, payload: TAdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<TAdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<TAdapterPayload | undefined>;
    findByUid(uid: string): Promise<TAdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type ClaimsUse = "id_token" | "userinfo";

  export type Account = {
    accountId: string;
    claims: (use: ClaimsUse, scope: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  };

  export type KoaContextWithOIDC = {
    path: string;
    method: string;
    status: number;
    body: unknown;
  };

  export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export type Configuration = {
    adapter?: (model: string) => Adapter;
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: {
      keys?: string[];
      names?: { session?: string; interaction?: string; resume?: string };
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    features?: Record<string, Record<string, unknown>>;
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    findAccount?: (ctx: unknown, sub: string, token?: unknown) => Promise<Account | undefined>;
    ttl?: Record<string, number>;
    clientBasedCORS?: (ctx: unknown, origin: string, client: unknown) => boolean;
    responseTypes?: string[];
    renderError?: (ctx: KoaContextWithOIDC, out: Record<string, unknown>, error: Error) => Promise<void> | void;
    [option: string]: unknown;
  };

  export type InteractionResult =
    { login?: { accountId: string }; consent?: { grantId: string } } | { error: string; error_description?: string };

  export type Interaction = {
    uid: string;
    params: Record<string, unknown> & { client_id?: string };
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    session?: { accountId?: string; uid?: string };
    grantId?: string;
  };

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export default Provider;
}

import * as oidc from 'openid-client';

/** An organisation's identity provider as its IdentityProvider row describes it. */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** The environment variable holding the client secret; null for a public client. */
  clientSecretEnv: string | null;
}

export interface OidcClients {
  /** The provider's discovered configuration, read once an hour at most. */
  configurationFor(provider: ProviderSettings): Promise<oidc.Configuration>;
}

/** Discovery again after this, so a provider's new keys or endpoints are picked up without a restart. */
const DISCOVERY_TTL_MS = 60 * 60_000;

/** Plain http only to this machine (a test provider, a developer's): anywhere else the provider must speak https. */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * The client secret never sits in the database: the record names an
 * environment variable, set on every node by whoever deploys Samplan. A name
 * set in the record but missing from the environment is an operator's mistake
 * and said as such.
 */
export function clientSecretOf(provider: ProviderSettings, env: NodeJS.ProcessEnv): string | undefined {
  if (provider.clientSecretEnv === null) return undefined;
  const secret = env[provider.clientSecretEnv];
  if (secret === undefined || secret.length === 0) throw new Error(`The identity provider's client secret is to come from ${provider.clientSecretEnv}, which is not set.`);
  return secret;
}

export function createOidcClients(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): OidcClients {
  const discovered = new Map<string, { configuration: Promise<oidc.Configuration>; until: number }>();
  return {
    configurationFor(provider) {
      const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecretEnv]);
      const cached = discovered.get(key);
      if (cached !== undefined && cached.until > now()) return cached.configuration;
      const issuer = new URL(provider.issuer);
      const secret = clientSecretOf(provider, env);
      const configuration = oidc.discovery(
        issuer,
        provider.clientId,
        secret,
        secret === undefined ? oidc.None() : oidc.ClientSecretPost(secret),
        issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
      discovered.set(key, { configuration, until: now() + DISCOVERY_TTL_MS });
      // A provider that could not be reached is asked again at the next sign-in, not an hour later.
      configuration.catch(() => discovered.delete(key));
      return configuration;
    },
  };
}

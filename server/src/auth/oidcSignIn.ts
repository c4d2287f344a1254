import type { SignInRefusal } from '@samplan/shared';
import * as oidc from 'openid-client';
import type { Logger } from '../logger.ts';
import type { Clock } from '../record/clock.ts';
import { type AuditActor, recordAudit } from '../store/auditLog.ts';
import type { DbClient } from '../store/database.ts';
import type { OidcClients } from './oidcClients.ts';
import type { OidcFlow } from './oidcFlowCookie.ts';
import { matchStaff } from './oidcStaffMatch.ts';
import { type SignedSession, startSession } from './sessions.ts';

export interface OidcSignInDeps {
  db: DbClient;
  secret: string;
  now: Clock;
  clients: OidcClients;
  logger: Logger;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
const VIA = `GET ${OIDC_CALLBACK_PATH}`;

/** Enough to match a person (the e-mail or user name) and nothing Samplan does not need. */
const SCOPE = 'openid email profile';

export type Refused = { kind: 'refused'; reason: SignInRefusal };

/**
 * GET /api/auth/oidc/start: where to send the browser (the organisation's
 * provider, with a fresh state, nonce and PKCE challenge) and the flow the
 * browser must bring back.
 */
export async function startOidcSignIn(deps: OidcSignInDeps, organisationId: string, redirectUri: string): Promise<{ kind: 'redirect'; location: string; flow: OidcFlow } | Refused> {
  const provider = await deps.db.identityProvider.findUnique({ where: { organisationId } });
  if (provider === null) return { kind: 'refused', reason: 'not_configured' };
  let configuration: oidc.Configuration;
  try {
    configuration = await deps.clients.configurationFor(provider);
  } catch (error) {
    deps.logger.error({ err: error, organisationId, issuer: provider.issuer }, 'identity provider could not be read (discovery)');
    return { kind: 'refused', reason: 'provider_error' };
  }
  const flow: OidcFlow = { organisationId, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
  const location = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
  });
  return { kind: 'redirect', location: location.href, flow };
}

/** The person cancelled or the provider would not sign her in: not a fault of anyone's system. */
const DENIALS = new Set(['access_denied', 'login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

/** What went wrong, in the words the sign-in page knows; the details go to the log. */
function refusalOf(error: unknown): SignInRefusal {
  if (error instanceof oidc.AuthorizationResponseError) return DENIALS.has(error.error) ? 'denied' : 'provider_error';
  // The code, verifier or redirect did not fit: the provider refuses the exchange.
  if (error instanceof oidc.ResponseBodyError) return error.error === 'invalid_grant' ? 'invalid' : 'provider_error';
  // State, nonce, issuer, signature or claims did not check out.
  if (error instanceof oidc.ClientError && error.code !== undefined && error.code.startsWith('OAUTH_') && error.code !== 'OAUTH_RESPONSE_IS_NOT_CONFORM') return 'invalid';
  return 'provider_error';
}

/**
 * GET /api/auth/oidc/callback: the provider's answer, checked against the
 * flow this browser started (state, then the code exchanged with the PKCE
 * verifier, then the ID token's signature, issuer, audience and nonce), the
 * person matched to a staff record, and a session started. Every outcome of
 * a flow this server started is audited; an answer without one is only
 * logged, so that nobody can fill the audit trail from outside.
 */
export async function finishOidcSignIn(deps: OidcSignInDeps, flow: OidcFlow | null, callbackUrl: URL): Promise<{ kind: 'signed-in'; session: SignedSession } | Refused> {
  const log = deps.logger.child({ component: 'oidc' });
  if (flow === null) {
    log.warn({ error: callbackUrl.searchParams.get('error') }, 'sign-in answer without a flow of this browser (expired, or not started here)');
    return { kind: 'refused', reason: 'invalid' };
  }
  const refuse = async (reason: SignInRefusal, actor: AuditActor, staffId: string | null): Promise<Refused> => {
    await recordAudit(deps.db, { actor, action: 'sign-in', ...resourceOf(flow.organisationId, staffId), via: VIA, outcome: 'denied' });
    return { kind: 'refused', reason };
  };
  const provider = await deps.db.identityProvider.findUnique({ where: { organisationId: flow.organisationId } });
  if (provider === null) return refuse('not_configured', { kind: 'system' }, null);

  let identity: { sub: string; login: unknown };
  try {
    const configuration = await deps.clients.configurationFor(provider);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (idToken === undefined) throw new Error('the token response carried no ID token');
    // Many providers put the e-mail and the like in the ID token only when asked by claim, not by scope: then the UserInfo endpoint has it.
    const login = idToken[provider.loginClaim] ?? (await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub))[provider.loginClaim];
    identity = { sub: idToken.sub, login };
  } catch (error) {
    const reason = refusalOf(error);
    log.warn({ err: error, organisationId: flow.organisationId, reason }, 'sign-in through the identity provider refused');
    return refuse(reason, { kind: 'system' }, null);
  }

  const match = await matchStaff(deps.db, flow.organisationId, { sub: identity.sub, login: typeof identity.login === 'string' ? identity.login : null });
  if (match.kind === 'refused') {
    log.info({ organisationId: flow.organisationId, reason: match.reason, staffId: match.staffId }, 'sign-in through the identity provider refused');
    return refuse(match.reason, match.staffId === null ? { kind: 'system' } : { kind: 'staff', staffId: match.staffId }, match.staffId);
  }
  const session = await startSession(deps, { kind: 'staff', subject: match.staffId });
  await recordAudit(deps.db, { actor: { kind: 'staff', staffId: match.staffId }, action: 'sign-in', ...resourceOf(flow.organisationId, match.staffId), via: VIA, outcome: 'ok' });
  return { kind: 'signed-in', session };
}

/** The staff record when one is known, else the provider that was tried. */
function resourceOf(organisationId: string, staffId: string | null) {
  return staffId === null ? { resourceType: 'IdentityProvider', resourceId: organisationId } : { resourceType: 'StaffUser', resourceId: staffId };
}

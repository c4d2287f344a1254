import { z } from 'zod';
import { recordIdSchema } from './common.ts';

/** GET /api/auth/organisations: the organisations whose staff sign in through their own identity provider, for the sign-in page's buttons. */
export const signInOrganisationsResponseSchema = z.object({
  organisations: z.array(z.object({ id: recordIdSchema, name: z.string() })),
});
export type SignInOrganisationsResponse = z.infer<typeof signInOrganisationsResponseSchema>;

/** GET /api/auth/oidc/start?organisation=… */
export const oidcStartQuerySchema = z.object({ organisation: recordIdSchema });

/**
 * Why a sign-in through an identity provider came back without a session.
 * The callback sends the browser to the sign-in page with `?signInRefused=<reason>`,
 * and the page says it in words.
 */
export const SIGN_IN_REFUSALS = [
  /** Nobody in Samplan matches the person the provider signed in. */
  'unknown_user',
  /** The matching staff account is deactivated. */
  'deactivated',
  /** The person cancelled, or the provider refused them (access_denied, login_required…). */
  'denied',
  /** The provider answered with an error of its own, or could not be reached. */
  'provider_error',
  /** The answer did not belong to this browser's sign-in (state, nonce or PKCE did not match, or it came too late). */
  'invalid',
  /** The organisation has no identity provider (any more). */
  'not_configured',
] as const;
export const signInRefusalSchema = z.enum(SIGN_IN_REFUSALS);
export type SignInRefusal = z.infer<typeof signInRefusalSchema>;

/**
 * The provider's redirect back to GET /api/auth/oidc/callback: a code, or an
 * error (RFC 6749 §4.1.2.1), with the state. openid-client reads the whole
 * URL; this only keeps out what no provider sends.
 */
export const oidcCallbackQuerySchema = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(512).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    iss: z.string().max(2000).optional(),
  })
  .loose();

/**
 * Signing in and out, and asking who is signed in: the calls every page
 * makes, kept apart from the staff screens' endpoints (endpoints.ts) so the
 * guest's join page does not load those screens' schemas.
 */
import { meResponseSchema, signInOrganisationsResponseSchema, type LoginRequest } from '@samplan/shared';
import { requestJson, requestVoid, type HttpOptions } from './http.ts';

export function authEndpoints(options: HttpOptions = {}) {
  return {
    login: (request: LoginRequest) => requestJson('POST', '/api/auth/login', meResponseSchema, request, options),
    me: () => requestJson('GET', '/api/auth/me', meResponseSchema, undefined, options),
    logout: () => requestVoid('POST', '/api/auth/logout', options),
    /** The organisations whose staff sign in through their own identity provider (the sign-in page's buttons). */
    signInOrganisations: () => requestJson('GET', '/api/auth/organisations', signInOrganisationsResponseSchema, undefined, options),
  };
}

/** The page's session calls; tests make their own with authEndpoints({ fetch }). */
export const authApi = authEndpoints();

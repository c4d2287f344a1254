import { demoTokenResponseSchema, participantRoleSchema, type DemoTokenRequest } from '@samplan/shared';
import { type Fetch, requestJson } from '../api/http.ts';

/** How this page gets into its room: the invitation's token from the link, or a demo token asked for at join time. */
export type TokenSource = { kind: 'link'; token: string } | { kind: 'demo'; role: DemoTokenRequest['role'] };

export function tokenSourceOf(search: string): TokenSource {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  if (token) return { kind: 'link', token };
  const role = participantRoleSchema.safeParse(params.get('role'));
  return { kind: 'demo', role: role.success ? role.data : undefined };
}

export function fetchDemoToken(roomId: string, request: DemoTokenRequest, fetchImpl?: Fetch): Promise<string> {
  return requestJson('POST', `/api/demo/rooms/${encodeURIComponent(roomId)}/token`, demoTokenResponseSchema, request, fetchImpl ? { fetch: fetchImpl } : {}).then(
    (answer) => answer.token,
  );
}

export function tokenGetter(roomId: string, source: TokenSource): (displayName: string) => Promise<string> {
  if (source.kind === 'link') return async () => source.token;
  return (displayName) => fetchDemoToken(roomId, { displayName, ...(source.role ? { role: source.role } : {}) });
}

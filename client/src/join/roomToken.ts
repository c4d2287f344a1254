import { SamplanError, demoTokenResponseSchema, httpErrorResponseSchema, participantRoleSchema, type DemoTokenRequest } from '@samplan/shared';
import { ClientError } from '../uiError.ts';

/** How this page gets into its room: the invitation's token from the link, or a demo token asked for at join time. */
export type TokenSource = { kind: 'link'; token: string } | { kind: 'demo'; role: DemoTokenRequest['role'] };

export function tokenSourceOf(search: string): TokenSource {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  if (token) return { kind: 'link', token };
  const role = participantRoleSchema.safeParse(params.get('role'));
  return { kind: 'demo', role: role.success ? role.data : undefined };
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export async function fetchDemoToken(roomId: string, request: DemoTokenRequest, fetchImpl: Fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/demo/rooms/${encodeURIComponent(roomId)}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new ClientError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = httpErrorResponseSchema.safeParse(body);
    if (failure.success) throw new SamplanError(failure.data.error.code, failure.data.error.message);
    throw new SamplanError(response.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `demo token: HTTP ${response.status}`);
  }
  const parsed = demoTokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new SamplanError('INTERNAL', 'demo token: the answer does not match the protocol');
  return parsed.data.token;
}

export function tokenGetter(roomId: string, source: TokenSource): (displayName: string) => Promise<string> {
  if (source.kind === 'link') return async () => source.token;
  return (displayName) => fetchDemoToken(roomId, { displayName, ...(source.role ? { role: source.role } : {}) });
}

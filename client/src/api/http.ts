/**
 * The one way the client talks to the REST API: JSON in, JSON out, every
 * answer checked against its shared zod schema, every failure a SamplanError
 * (from the server's error body, REFUSED with its refusal) or a ClientError
 * (NETWORK) that errorMessage.ts turns into words.
 */
import { SamplanError, httpErrorResponseSchema } from '@samplan/shared';
import type { z } from 'zod';
import { ClientError } from '../uiError.ts';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  readonly fetch?: Fetch;
}

export type Method = 'GET' | 'POST' | 'PUT';

export async function requestJson<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
  options: HttpOptions = {},
): Promise<z.output<S>> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ClientError('NETWORK', `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(method, path, response.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SamplanError('INTERNAL', `${method} ${path}: the answer does not match the API: ${parsed.error.message}`);
  return parsed.data;
}

/** For routes that answer with no body worth reading (logout, setting a password). */
export async function requestVoid(method: Method, path: string, options: HttpOptions = {}, body?: unknown): Promise<void> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ClientError('NETWORK', `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw errorOf(method, path, response.status, await response.json().catch(() => null));
}

function errorOf(method: Method, path: string, status: number, json: unknown): SamplanError {
  const failure = httpErrorResponseSchema.safeParse(json);
  if (failure.success) {
    const { code, message, issues, refusal } = failure.data.error;
    return new SamplanError(code, message, issues, refusal);
  }
  // A proxy or a crashed server answers without our error body; say what the status means.
  const code = status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'INTERNAL';
  return new SamplanError(code, `${method} ${path}: HTTP ${status}`);
}

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './waitUntil.ts';

/**
 * A local HTTP SMS gateway for tests, on 127.0.0.1: it takes what Samplan's
 * gateway adapter posts (JSON {to, text, reference}, bearer key) and keeps
 * it, or answers an error status while told to (a gateway that is down).
 */
export interface ReceivedSms {
  readonly to: string;
  readonly text: string;
  readonly reference: string;
  readonly authorization: string;
}

export interface SmsSink {
  /** Samplan's SMS_GATEWAY_URL. */
  readonly url: string;
  /** The key the sink expects (SMS_GATEWAY_KEY); a request without it is answered 401. */
  readonly key: string;
  /** Accepted messages, in order. */
  readonly received: ReceivedSms[];
  /** Requests answered with an error while failing, counted. */
  readonly refusedCount: () => number;
  waitFor(match: (sms: ReceivedSms) => boolean, timeoutMs?: number): Promise<ReceivedSms>;
  /** Answer every request with this status (e.g. 500) until `recover()`. */
  fail(status: number): void;
  recover(): void;
  close(): Promise<void>;
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startSmsSink(key = 'sms-sink-test-key'): Promise<SmsSink> {
  const received: ReceivedSms[] = [];
  let failing: number | null = null;
  let refused = 0;
  const server = createServer((request, response) => {
    body(request)
      .then((text) => {
        if (failing !== null) {
          refused += 1;
          response.writeHead(failing, { 'content-type': 'text/plain' }).end('gateway unavailable');
          return;
        }
        if (request.method !== 'POST' || request.headers.authorization !== `Bearer ${key}`) {
          response.writeHead(401).end('bad key');
          return;
        }
        const sms = JSON.parse(text) as { to: string; text: string; reference: string };
        received.push({ to: sms.to, text: sms.text, reference: sms.reference, authorization: request.headers.authorization });
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true }));
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    key,
    received,
    refusedCount: () => refused,
    waitFor: (match, timeoutMs = 10_000) => waitUntil(() => received.find(match), timeoutMs, () => `no such text message; arrived: ${JSON.stringify(received.map((sms) => sms.to))}`),
    fail: (status) => {
      failing = status;
    },
    recover: () => {
      failing = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

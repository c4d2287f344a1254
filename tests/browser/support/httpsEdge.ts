import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type ClientRequest, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestNginx, type TestNginx } from '../../support/nginx.ts';
import { freePort } from '../../support/ports.ts';
import { makeTestCertificates, type TestCertificates } from '../../support/testCertificates.ts';
import { type GuestServer, startGuestServer } from './guestServer.ts';

/**
 * Samplan as an operator runs it: production's settings (Secure __Host-
 * cookies, HSTS, PUBLIC_URL, TRUST_PROXY naming only the proxy) behind
 * Debian's nginx with the shipped configuration, on a host name that is not
 * loopback to the browser (samplan.test, mapped to 127.0.0.1), so that only
 * HTTPS makes the page a secure context.
 */
export const EDGE_HOST = 'samplan.test';
/** The address nginx connects to Samplan from, and the only one Samplan trusts to name the client. */
const PROXY_ADDRESS = '127.0.0.1';
/** A sign-in limit small enough to reach in a few requests. */
export const EDGE_RATE_LIMIT = 3;

export interface HttpsEdge {
  /** https://samplan.test:<port>, what people open. */
  url: string;
  httpPort: number;
  httpsPort: number;
  /** The record server; its `url` is PUBLIC_URL, the HTTPS address, so the browser helpers go through the proxy. */
  server: GuestServer;
  /** Samplan's own address, behind the proxy. */
  directUrl: string;
  certificates: TestCertificates;
  /** base64(SHA-256(SubjectPublicKeyInfo)) of the server certificate, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  accessLog(): Promise<string>;
  close(): Promise<void>;
}

export async function startHttpsEdge(): Promise<HttpsEdge> {
  const dir = await mkdtemp(join(tmpdir(), 'samplan-edge-'));
  const certificates = await makeTestCertificates(dir, { dns: [EDGE_HOST], ips: [] });
  const httpPort = await freePort();
  const httpsPort = await freePort();
  const url = `https://${EDGE_HOST}:${httpsPort}`;
  const server = await startGuestServer({
    config: { publicUrl: url, secureCookies: true, hsts: true, trustProxy: [PROXY_ADDRESS], authRateLimit: EDGE_RATE_LIMIT },
  });
  const directUrl = `http://127.0.0.1:${server.samplan.port}`;
  let nginx: TestNginx;
  try {
    nginx = await startTestNginx(dir, {
      publicHost: `${EDGE_HOST}:${httpsPort}`,
      httpPort,
      httpsPort,
      upstream: new URL(directUrl).host,
      certFile: certificates.fullchainFile,
      keyFile: certificates.keyFile,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const serverPem = (await readFile(certificates.fullchainFile, 'utf8')).split(/(?<=-----END CERTIFICATE-----\n)/)[0]!;
  const spkiDer = new X509Certificate(serverPem).publicKey.export({ type: 'spki', format: 'der' });
  return {
    url,
    httpPort,
    httpsPort,
    server,
    directUrl,
    certificates,
    spki: createHash('sha256').update(spkiDer).digest('base64'),
    accessLog: () => readFile(nginx.accessLog, 'utf8'),
    close: async () => {
      await nginx.stop();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface EdgeRequest {
  method?: string;
  /** Connect from this loopback address, so Samplan can tell clients apart. */
  localAddress: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function send(start: (onResponse: (response: IncomingMessage) => void) => ClientRequest, body: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = start((response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.once('error', reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function requestOptions(port: number, path: string, host: string, { method = 'GET', localAddress, headers = {}, body }: EdgeRequest) {
  return {
    host: '127.0.0.1',
    port,
    path,
    method,
    localAddress,
    headers: { host, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  };
}

/** Through the proxy over HTTPS, the certificate checked against the test CA for samplan.test. */
export function viaProxy(edge: HttpsEdge, path: string, options: EdgeRequest): Promise<Answer> {
  const base = requestOptions(edge.httpsPort, path, `${EDGE_HOST}:${edge.httpsPort}`, options);
  return send((onResponse) => httpsRequest({ ...base, servername: EDGE_HOST, ca: edge.certificates.ca }, onResponse), options.body);
}

/** Plain HTTP to the proxy's port 80 stand-in. */
export function viaProxyHttp(edge: HttpsEdge, path: string, options: EdgeRequest): Promise<Answer> {
  return send((onResponse) => httpRequest(requestOptions(edge.httpPort, path, `${EDGE_HOST}:${edge.httpPort}`, options), onResponse), options.body);
}

/** Straight to Samplan, past the proxy: what another machine on the hospital's network could try. */
export function bypassingProxy(edge: HttpsEdge, path: string, options: EdgeRequest): Promise<Answer> {
  const { port } = new URL(edge.directUrl);
  return send((onResponse) => httpRequest(requestOptions(Number(port), path, `${EDGE_HOST}:${edge.httpsPort}`, options), onResponse), options.body);
}

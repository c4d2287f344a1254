import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

/**
 * Just enough of a TURN client (RFC 8656) over TLS to ask a real coturn what
 * a browser would: an allocation with long-term credentials, then permission
 * to send to a peer. No media is sent; a permission is all the relay checks
 * its denied-peer-ip list against.
 */

const MAGIC_COOKIE = 0x2112a442;
const METHOD = { allocate: 0x003, createPermission: 0x008 } as const;
const ATTRIBUTE = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  xorPeerAddress: 0x0012,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedAddressFamily: 0x0017,
  requestedTransport: 0x0019,
} as const;
const UDP = 17;

export type Family = 'IPv4' | 'IPv6';

export interface TurnAnswer {
  /** 200 for a success response, else the error code (401, 403, 443 …). */
  status: number;
  reason: string;
  attributes: Map<number, Buffer>;
}

interface Attribute {
  type: number;
  value: Buffer;
}

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function header(method: number, length: number, transaction: Buffer): Buffer {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt16BE(method, 0); // class "request": no class bits set
  bytes.writeUInt16BE(length, 2);
  bytes.writeUInt32BE(MAGIC_COOKIE, 4);
  transaction.copy(bytes, 8);
  return bytes;
}

/** A request; with `key`, MESSAGE-INTEGRITY over everything before it (RFC 8489 §14.5). */
function encodeRequest(method: number, attributes: readonly Attribute[], key?: Buffer, transaction = randomBytes(12)): Buffer {
  const body = Buffer.concat(attributes.map((item) => attribute(item.type, item.value)));
  if (key === undefined) return Buffer.concat([header(method, body.length, transaction), body]);
  const signedLength = body.length + 24;
  const signed = Buffer.concat([header(method, signedLength, transaction), body]);
  const integrity = createHmac('sha1', key).update(signed).digest();
  return Buffer.concat([signed, attribute(ATTRIBUTE.messageIntegrity, integrity)]);
}

function decodeAnswer(message: Buffer): TurnAnswer {
  const type = message.readUInt16BE(0);
  const attributes = new Map<number, Buffer>();
  for (let offset = 20; offset + 4 <= message.length; ) {
    const attributeType = message.readUInt16BE(offset);
    const length = message.readUInt16BE(offset + 2);
    attributes.set(attributeType, message.subarray(offset + 4, offset + 4 + length));
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  const isError = (type & 0x0110) === 0x0110;
  if (!isError) return { status: 200, reason: 'OK', attributes };
  const error = attributes.get(ATTRIBUTE.errorCode);
  if (!error) throw new Error('error response without ERROR-CODE');
  return { status: (error[2]! & 0x7) * 100 + error[3]!, reason: error.subarray(4).toString('utf8'), attributes };
}

/** XOR-PEER-ADDRESS / XOR-RELAYED-ADDRESS: port and address XORed with the magic cookie (and, for IPv6, the transaction id). */
function xorAddress(ip: string, port: number, transaction: Buffer): Buffer {
  const v4 = isIPv4(ip);
  const address = v4 ? Buffer.from(ip.split('.').map(Number)) : ipv6Bytes(ip);
  const mask = Buffer.alloc(16);
  mask.writeUInt32BE(MAGIC_COOKIE, 0);
  transaction.copy(mask, 4);
  const value = Buffer.alloc(4 + address.length);
  value[1] = v4 ? 0x01 : 0x02;
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  for (let index = 0; index < address.length; index++) value[4 + index] = address[index]! ^ mask[index]!;
  return value;
}

function ipv6Bytes(ip: string): Buffer {
  // The URL parser writes an embedded IPv4 address (::ffff:10.0.0.1) as two hex groups.
  const hex = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const [head = '', tail = ''] = hex.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array.from({ length: hex.includes('::') ? missing : 0 }, () => '0'), ...groups(tail)];
  const bytes = Buffer.alloc(16);
  all.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

function relayedFamily(value: Buffer | undefined): Family | undefined {
  if (!value) return undefined;
  return value[1] === 0x02 ? 'IPv6' : 'IPv4';
}

/** One TLS connection to the relay: the TURN session lives as long as it does. */
export class TurnOverTls {
  #buffer: Buffer = Buffer.alloc(0);
  #waiting: Array<(message: Buffer) => void> = [];
  #realm = '';
  #nonce: Buffer = Buffer.alloc(0);
  #key: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly socket: TLSSocket,
    private readonly username: string,
    private readonly password: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      while (this.#buffer.length >= 20 && this.#buffer.length >= 20 + this.#buffer.readUInt16BE(2)) {
        const length = 20 + this.#buffer.readUInt16BE(2);
        const message = this.#buffer.subarray(0, length);
        this.#buffer = this.#buffer.subarray(length);
        this.#waiting.shift()?.(message);
      }
    });
  }

  /** Connects with the certificate checked against `ca` and `servername`, as a browser checks a turns: server. */
  static open(options: { host: string; port: number; servername: string; ca: string; username: string; password: string }): Promise<TurnOverTls> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port, servername: options.servername, ca: options.ca });
      socket.once('secureConnect', () => resolve(new TurnOverTls(socket, options.username, options.password)));
      socket.once('error', reject);
    });
  }

  #send(message: Buffer): Promise<TurnAnswer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the TURN server')), 5_000);
      this.#waiting.push((answer) => {
        clearTimeout(timer);
        resolve(decodeAnswer(answer));
      });
      this.socket.write(message);
    });
  }

  #authenticated(attributes: readonly Attribute[]): Attribute[] {
    return [
      { type: ATTRIBUTE.username, value: Buffer.from(this.username) },
      { type: ATTRIBUTE.realm, value: Buffer.from(this.#realm) },
      { type: ATTRIBUTE.nonce, value: this.#nonce },
      ...attributes,
    ];
  }

  /** Allocate a UDP relay of `family`: first unauthenticated for the realm and nonce, then signed. */
  async allocate(family: Family): Promise<TurnAnswer & { relayFamily: Family | undefined }> {
    const request: Attribute[] = [
      { type: ATTRIBUTE.requestedTransport, value: Buffer.from([UDP, 0, 0, 0]) },
      ...(family === 'IPv6' ? [{ type: ATTRIBUTE.requestedAddressFamily, value: Buffer.from([0x02, 0, 0, 0]) }] : []),
    ];
    const challenge = await this.#send(encodeRequest(METHOD.allocate, request));
    if (challenge.status !== 401) throw new Error(`expected 401 with a nonce, got ${challenge.status} ${challenge.reason}`);
    this.#realm = challenge.attributes.get(ATTRIBUTE.realm)?.toString('utf8') ?? '';
    this.#nonce = challenge.attributes.get(ATTRIBUTE.nonce) ?? Buffer.alloc(0);
    this.#key = createHash('md5').update(`${this.username}:${this.#realm}:${this.password}`).digest();
    const answer = await this.#send(encodeRequest(METHOD.allocate, this.#authenticated(request), this.#key));
    return { ...answer, relayFamily: relayedFamily(answer.attributes.get(ATTRIBUTE.xorRelayedAddress)) };
  }

  /** CreatePermission for `peer`: what the relay must refuse for an address it may not reach. */
  async createPermission(peer: string): Promise<TurnAnswer> {
    // An IPv6 peer address is XORed with the transaction id the request carries.
    const transaction = randomBytes(12);
    const peerAddress = { type: ATTRIBUTE.xorPeerAddress, value: xorAddress(peer, 9, transaction) };
    return this.#send(encodeRequest(METHOD.createPermission, this.#authenticated([peerAddress]), this.#key, transaction));
  }

  close(): void {
    this.socket.destroy();
  }
}

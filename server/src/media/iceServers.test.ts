import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { turnIceServers } from './iceServers.ts';

describe('turnIceServers', () => {
  it('gives nothing without TURN', () => {
    expect(turnIceServers({ urls: [], secret: undefined }, 'peer-1', 3600)).toEqual([]);
  });

  it('signs "<expiry>:<user>" with HMAC-SHA1 of the shared secret, as coturn expects', () => {
    const now = Date.UTC(2025, 0, 1);
    const [server] = turnIceServers({ urls: ['turn:127.0.0.1:3478'], secret: 'coturn-secret' }, 'peer-1', 3600, now);
    const username = `${now / 1000 + 3600}:peer-1`;
    expect(server).toEqual({
      urls: ['turn:127.0.0.1:3478'],
      username,
      credential: createHmac('sha1', 'coturn-secret').update(username).digest('base64'),
    });
  });

  it('offers TURN over TLS (turns:) beside plain TURN, under the one credential coturn checks on every port', () => {
    const urls = ['turn:203.0.113.10:3478?transport=udp', 'turns:samplan.example.org:5349?transport=tcp'];
    const [server, ...others] = turnIceServers({ urls, secret: 'coturn-secret' }, 'peer-1', 3600);
    expect(others).toEqual([]);
    expect(server?.urls).toEqual(urls);
  });
});

import { describe, expect, it } from 'vitest';
import { cpuSecondsFromStat, udpDropsByPort } from './procfs.ts';

describe('/proc', () => {
  it('reads CPU seconds from a stat line whose command holds spaces and parentheses', () => {
    const stat = '4242 (mediasoup (worker) x) S 1 2 3 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 4 0 100 1000 10';
    expect(cpuSecondsFromStat(stat)).toBe(3);
  });

  it('reads drops per local port from /proc/net/udp', () => {
    const table = [
      '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
      '  12: 0100007F:9C40 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1001 2 0000000000000000 0',
      '  13: 0100007F:9C41 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 1002 2 0000000000000000 17',
    ].join('\n');
    expect(udpDropsByPort(table)).toEqual(new Map([[40_000, 0], [40_001, 17]]));
  });
});

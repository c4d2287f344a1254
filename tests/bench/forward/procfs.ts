import { readFileSync } from 'node:fs';

/**
 * Figures the kernel keeps about the processes and sockets under test, read
 * from /proc so that measuring costs the measured process nothing.
 */

/** Clock ticks per second of /proc's CPU times: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

/** User plus system CPU seconds from a /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function cpuSecondsFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of stat(5), utime 14 and stime 15.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function cpuSeconds(pid: number): number {
  return cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Datagrams the kernel dropped (receive buffer full) per local port, from /proc/net/udp. */
export function udpDropsByPort(table: string): Map<number, number> {
  const drops = new Map<number, number>();
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 13) continue;
    const port = Number.parseInt(fields[1]!.split(':')[1]!, 16);
    drops.set(port, (drops.get(port) ?? 0) + Number(fields[12]));
  }
  return drops;
}

export function udpDrops(ports: Iterable<number>): number {
  const byPort = udpDropsByPort(readFileSync('/proc/net/udp', 'utf8'));
  let total = 0;
  for (const port of ports) total += byPort.get(port) ?? 0;
  return total;
}

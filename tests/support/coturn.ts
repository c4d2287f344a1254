import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';
import { waitForPorts } from './ports.ts';

/**
 * Debian's coturn running the shipped deploy/coturn/turnserver.conf with only
 * its ports and certificate paths replaced, and on the command line what
 * docker-compose.yml passes there (the shared secret, the peer let through).
 * Installed by `setup.mjs --for test`.
 */
export const SHIPPED_TURN_CONFIG = join(REPO_ROOT, 'deploy', 'coturn', 'turnserver.conf');

export interface CoturnSettings {
  port: number;
  tlsPort: number;
  certFile: string;
  keyFile: string;
  secret: string;
  /** What compose passes as --allowed-peer-ip: Samplan's media address. */
  allowedPeer: string;
}

export interface TestCoturn {
  stop(): Promise<void>;
}

/** The config with each `key=value` line's value replaced; a key the shipped file lacks is an error, so the test cannot drift from it. */
export function replaceSettings(config: string, values: Record<string, string>): string {
  let result = config;
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^${key}=.*$`, 'm');
    if (!line.test(result)) throw new Error(`the shipped turnserver.conf has no ${key}= line`);
    result = result.replace(line, `${key}=${value}`);
  }
  return result;
}

export async function startTestCoturn(dir: string, settings: CoturnSettings): Promise<TestCoturn> {
  const shipped = await readFile(SHIPPED_TURN_CONFIG, 'utf8');
  const configFile = join(dir, 'turnserver.conf');
  await writeFile(
    configFile,
    replaceSettings(shipped, {
      'listening-port': String(settings.port),
      'tls-listening-port': String(settings.tlsPort),
      cert: settings.certFile,
      pkey: settings.keyFile,
    }),
  );
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-c', configFile,
      `--static-auth-secret=${settings.secret}`,
      `--allowed-peer-ip=${settings.allowedPeer}`,
      '--listening-ip=127.0.0.1', '--listening-ip=::1', '--relay-ip=127.0.0.1', '--relay-ip=::1',
      `--pidfile=${join(dir, 'turnserver.pid')}`, `--userdb=${join(dir, 'turndb')}`,
      '--log-file=stdout', '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failure = new Promise<Error>((resolve) => {
    child.once('error', (error) => resolve(new Error(`turnserver could not run (install Debian's coturn): ${error.message}`)));
    child.once('exit', (code) => resolve(new Error(`turnserver exited with ${code}:\n${output}`)));
  });
  await waitForPorts('turnserver', [settings.port, settings.tlsPort], failure);
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

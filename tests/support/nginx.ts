import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';
import { waitForPorts } from './ports.ts';
import { run } from './processes.ts';

/**
 * Debian's nginx running the shipped deploy/nginx/samplan.conf, rendered by
 * the shipped deploy/nginx/render-config.sh exactly as the proxy's image does
 * it; only the process's own paths (pid, temporary files, error log) are the
 * test's, in a main configuration around it. Installed by `setup.mjs --for test`.
 */
export interface NginxSettings {
  publicHost: string;
  httpPort: number;
  httpsPort: number;
  upstream: string;
  certFile: string;
  keyFile: string;
}

export interface TestNginx {
  accessLog: string;
  errorLog: string;
  stop(): Promise<void>;
}

export const SHIPPED_NGINX_CONFIG = join(REPO_ROOT, 'deploy', 'nginx', 'samplan.conf');
const RENDER_CONFIG = join(REPO_ROOT, 'deploy', 'nginx', 'render-config.sh');

export async function startTestNginx(dir: string, settings: NginxSettings): Promise<TestNginx> {
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'error.log');
  await mkdir(join(dir, 'acme'), { recursive: true });
  const rendered = await run('sh', [RENDER_CONFIG, SHIPPED_NGINX_CONFIG], {
    env: {
      PUBLIC_HOST: settings.publicHost,
      HTTP_LISTEN: `127.0.0.1:${settings.httpPort}`,
      HTTPS_LISTEN: `127.0.0.1:${settings.httpsPort}`,
      SAMPLAN_UPSTREAM: settings.upstream,
      CERT_FILE: settings.certFile,
      KEY_FILE: settings.keyFile,
      ACME_ROOT: join(dir, 'acme'),
      ACCESS_LOG: accessLog,
    },
  });
  if (rendered.status !== 0) throw new Error(`render-config.sh failed: ${rendered.stderr}`);
  await writeFile(join(dir, 'samplan.conf'), rendered.stdout);
  const temp = (name: string) => join(dir, 'temp', name);
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} info;`,
      'events {}',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${temp(name)};`),
      `  include ${join(dir, 'samplan.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  await mkdir(join(dir, 'temp'), { recursive: true });

  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failure = Promise.race([
    new Promise<Error>((resolve) => child.once('error', (error) => resolve(new Error(`nginx could not run (install Debian's nginx): ${error.message}`)))),
    exited.then(() => new Error(`nginx exited: ${stderr}`)),
  ]);
  await waitForPorts('nginx', [settings.httpPort, settings.httpsPort], failure);
  return {
    accessLog,
    errorLog,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

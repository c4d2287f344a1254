import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './processes.ts';

/**
 * A throw-away certificate authority and one server certificate it signed,
 * made with Debian's openssl into `dir`, laid out as an operator's
 * deploy/certs is (fullchain.pem, privkey.pem). Valid for two days.
 */
export interface TestCertificates {
  /** The test CA, PEM: what a client trusts to verify the server. */
  ca: string;
  caFile: string;
  /** The server certificate followed by the CA's. */
  fullchainFile: string;
  keyFile: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  const result = await run('openssl', args, { cwd: dir });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed (install Debian's openssl):\n${result.stderr}`);
}

export async function makeTestCertificates(dir: string, names: { dns: readonly string[]; ips: readonly string[] }): Promise<TestCertificates> {
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(dir, ['req', '-x509', ...ecKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Samplan test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await openssl(dir, ['req', ...ecKey, '-keyout', 'privkey.pem', '-out', 'server.csr', '-subj', `/CN=${names.dns[0] ?? names.ips[0]}`]);
  const altNames = [...names.dns.map((name) => `DNS:${name}`), ...names.ips.map((ip) => `IP:${ip}`)].join(',');
  await writeFile(join(dir, 'server.ext'), `basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames}\n`);
  await openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '1', '-days', '2',
    '-extfile', 'server.ext', '-out', 'server.pem']);
  const ca = await readFile(join(dir, 'ca.pem'), 'utf8');
  await writeFile(join(dir, 'fullchain.pem'), (await readFile(join(dir, 'server.pem'), 'utf8')) + ca);
  return { ca, caFile: join(dir, 'ca.pem'), fullchainFile: join(dir, 'fullchain.pem'), keyFile: join(dir, 'privkey.pem') };
}

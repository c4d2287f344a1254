/**
 * What a browser downloads of the client's JavaScript, gzipped, per kind of
 * visitor: a patient or relative on a join link, and staff.
 *
 * The chunks come from Vite's build manifest (client/dist/.vite/manifest.json):
 * the entry chunk with everything it imports statically, plus the pages the
 * visitor reaches (chunks the entry imports dynamically) with their static
 * imports. Gzip at zlib's default level, as the server sends it.
 *
 *   npm run bench:bundle              env: BENCH_NO_BUILD=1 measures the existing client/dist
 *
 * The last line printed is one JSON object with the results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildClient } from '../browser/buildClient.ts';
import { type Manifest, loadedChunks } from './manifest.ts';

const dist = fileURLToPath(new URL('../../client/dist', import.meta.url));
const TARGETS = { guest_js_gz_kb: 150 };
/** Source modules, as the manifest names them, of the pages each kind of visitor opens. */
const GUEST_PAGES = (page: string) => page.startsWith('src/guest/');
const STAFF_PAGES = (page: string) => page.startsWith('src/staff/');

const kb = (bytes: number) => Math.round(bytes / 10) / 100;

function main(): void {
  if (process.env.BENCH_NO_BUILD !== '1') buildClient();
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, { raw: number; gz: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      const bytes = readFileSync(join(dist, file));
      size = { raw: bytes.length, gz: gzipSync(bytes).length };
      sizes.set(file, size);
    }
    return size;
  };
  const visitors = { guest: loadedChunks(manifest, GUEST_PAGES), staff: loadedChunks(manifest, STAFF_PAGES) };
  const totals = Object.fromEntries(
    Object.entries(visitors).map(([visitor, files]) => {
      const js = [...files].filter((file) => file.endsWith('.js'));
      return [visitor, { chunks: js.length, raw: js.reduce((sum, file) => sum + sizeOf(file).raw, 0), gz: js.reduce((sum, file) => sum + sizeOf(file).gz, 0) }];
    }),
  ) as Record<keyof typeof visitors, { chunks: number; raw: number; gz: number }>;

  console.log('\nchunk                                      raw kB   gzip kB  guest  staff');
  for (const [file, size] of [...sizes].sort((a, b) => b[1].gz - a[1].gz)) {
    const mark = (visitor: keyof typeof visitors) => (visitors[visitor].has(file) ? '  x  ' : '     ');
    console.log(`${file.padEnd(40)} ${kb(size.raw).toFixed(2).padStart(9)} ${kb(size.gz).toFixed(2).padStart(9)}  ${mark('guest')}  ${mark('staff')}`);
  }
  console.log('\nvisitor  chunks    raw kB   gzip kB');
  for (const [visitor, total] of Object.entries(totals)) {
    console.log(`${visitor.padEnd(8)} ${String(total.chunks).padStart(6)} ${kb(total.raw).toFixed(2).padStart(9)} ${kb(total.gz).toFixed(2).padStart(9)}`);
  }
  console.log(`target: guest join page ≤ ${TARGETS.guest_js_gz_kb} kB gzipped — ${kb(totals.guest.gz) <= TARGETS.guest_js_gz_kb ? 'met' : 'NOT met'}\n`);
  console.log(JSON.stringify({ guest_js_gz_kb: kb(totals.guest.gz), staff_js_gz_kb: kb(totals.staff.gz), guest_chunks: totals.guest.chunks, staff_chunks: totals.staff.chunks, targets: TARGETS }));
}

main();

#!/usr/bin/env node
// Compiles the server into one JavaScript file, server/dist/main.mjs, so
// `npm start` runs plain JavaScript instead of transpiling some three hundred
// TypeScript files through tsx at every start. The npm packages it uses stay
// outside the bundle (loaded from node_modules as they are); the workspace's
// own TypeScript (server/src, shared/src) goes in. Run by setup.mjs --for start
// whenever those sources changed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8'));
const external = Object.keys(server.dependencies)
  .filter((name) => name !== '@samplan/shared')
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: [join(root, 'server', 'src', 'main.ts')],
  outfile: join(root, 'server', 'dist', 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
});

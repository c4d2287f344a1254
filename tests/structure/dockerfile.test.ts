import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No Docker engine runs where the tests do, so the image is checked by
 * reading: the promises the README makes about it, and its agreement with
 * scripts/setup.mjs (which the builder stage runs).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const setup = readFileSync(join(root, 'scripts', 'setup.mjs'), 'utf8');
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the Dockerfile', () => {
  it('builds in one stage and runs from another that copies only from the builder', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toContain('node scripts/setup.mjs --for start');
    expect(finalStage).not.toMatch(/^COPY (?!--from=build)/m);
    expect(finalStage).not.toMatch(/-dev\b|build-essential|g\+\+/);
  });

  it('installs in the final image exactly the worker runtime libraries setup.mjs names', () => {
    const listed = /const WORKER_RUNTIME_PACKAGES = \[([^\]]*)\]/.exec(setup)?.[1];
    expect(listed).toBeDefined();
    const runtime = [...listed!.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    const installed = /apt-get install -y --no-install-recommends ([^\\\n&]+)/.exec(finalStage)?.[1]?.trim().split(/\s+/);
    expect(installed?.sort()).toEqual(runtime.sort());
  });

  it('runs the server that setup.mjs --for start compiled, and no TypeScript', () => {
    // setup.mjs builds server/dist/main.mjs (scripts/build-server.mjs) when it prepares for start; npm start runs that file.
    expect(setup).toMatch(/if \(purpose === 'start'\) ensureServerBundle\(\)/);
    const serverPackage = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(serverPackage.scripts.start).toBe('node --enable-source-maps dist/main.mjs');
    expect(finalStage).toMatch(/^COPY --from=build \/app\/server\/dist \.\/server\/dist$/m);
    expect(finalStage).toMatch(/^CMD \["node", "--enable-source-maps", "server\/dist\/main\.mjs"\]$/m);
    expect(finalStage).not.toMatch(/^COPY .*\/src\b/m);
    expect(finalStage).not.toMatch(/tsx/);
  });

  it('runs as a user of its own, starts node directly and checks /api/health/live', () => {
    expect(finalStage).toMatch(/^USER samplan$/m);
    expect(finalStage).not.toMatch(/^CMD .*npm/m);
    expect(finalStage).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD \[.*\/api\/health\/live/m);
  });

  it('keeps secrets, built files and dependencies out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '.env', '**/node_modules', '**/dist', 'data']) expect(ignored).toContain(entry);
  });
});

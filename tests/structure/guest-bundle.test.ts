import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A patient opening her join link must not download the staff screens or
 * their words (issue 10: the guest join page ≤ 150 kB of JavaScript, gzipped,
 * measured by `npm run bench:bundle`). This follows the imports from the
 * client's entry the way the bundler does and fails when the guest's pages
 * reach a staff module or staff words, so the size cannot creep back one
 * import at a time. The rule, in docs/architecture.md: guest words in
 * i18n/guest.*.ts, staff words in i18n/staff.*.ts (admin.*.ts), and guest
 * pages import no staff modules.
 *
 * The page router (app/pages.ts) imports every page lazily; from it the guest
 * follows only her own page. Every other import counts, lazy ones too: what
 * her page fetches later (the call while she waits) is still hers. Type-only
 * imports vanish in the build and are not followed; neither are packages
 * (`@samplan/shared` is declared free of side effects, so the bundler keeps
 * only what is used) or stylesheets.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const client = join(root, 'client', 'src');

const ENTRY = 'main.tsx';
const ROUTER = 'app/pages.ts';
const GUEST_PAGE = 'guest/GuestPage.tsx';

/** Modules a guest must never load, as paths inside client/src. */
const STAFF_ONLY = [/^staff\//, /^setPassword\//, /^i18n\/(staff|admin)\.[a-z]+\.ts$/, /^i18n\/staffWords\.ts$/];

/** The modules a script imports at run time, relative specifiers only, as paths inside client/src. */
function importsOf(module: string): string[] {
  const path = join(client, module);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument === undefined || !ts.isStringLiteralLike(argument)) throw new Error(`${module}: an import() of a computed name cannot be followed`);
      specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((specifier) => specifier.startsWith('.') && /\.tsx?$/.test(specifier))
    .map((specifier) => {
      const target = resolve(dirname(path), specifier);
      if (!existsSync(target)) throw new Error(`${module} imports ${specifier}, which does not exist`);
      return relative(client, target);
    });
}

/** Every module reachable from `start`, with the chain of imports that first reached it. */
function reachable(start: string, follow: (from: string, to: string) => boolean = () => true): Map<string, string[]> {
  const chains = new Map([[start, [start]]]);
  const queue = [start];
  for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
    for (const imported of importsOf(module)) {
      if (chains.has(imported) || !follow(module, imported)) continue;
      chains.set(imported, [...chains.get(module)!, imported]);
      queue.push(imported);
    }
  }
  return chains;
}

const guestFollows = (from: string, to: string) => from !== ROUTER || to === GUEST_PAGE;
const staffOnly = (module: string) => STAFF_ONLY.some((pattern) => pattern.test(module));

describe('the guest join page', () => {
  const guest = reachable(ENTRY, guestFollows);

  it('reaches her page, its call and its words (so the check below looks at the real graph)', () => {
    expect([...guest.keys()]).toEqual(expect.arrayContaining([ROUTER, GUEST_PAGE, 'guest/GuestCall.tsx', 'i18n/guest.da.ts', 'i18n/planWords.ts']));
  });

  it('reaches no staff module and no staff or administration words', () => {
    const offenders = [...guest].filter(([module]) => staffOnly(module)).map(([, chain]) => chain.join(' → '));
    expect(offenders).toEqual([]);
  });

  it('would be caught: the staff pages, followed the same way, do reach them', () => {
    const staffPages = reachable(ENTRY, (from, to) => from !== ROUTER || to !== GUEST_PAGE);
    expect([...staffPages.keys()].filter(staffOnly)).toEqual(expect.arrayContaining(['staff/DayView.tsx', 'i18n/staff.da.ts', 'i18n/admin.en.ts']));
  });
});

describe('shared', () => {
  it('is declared free of side effects, so a page keeps only the schemas and rules it uses', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'shared', 'package.json'), 'utf8')) as { sideEffects?: unknown };
    expect(manifest.sideEffects).toBe(false);
  });
});

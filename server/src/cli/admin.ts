// The operator's command line, for what no administrator can do from a
// screen: start an empty database with its first organisation and
// administrator, and let a locked-out administrator back in.
//
//   npm run admin -- create-organisation --name "…" --sector hospital_ward|municipal_unit|general_practice
//                      [--sor <SOR code>] [--admin-name "…" --admin-login … [--admin-role nurse]]
//   npm run admin -- password-link --login …
//   npm run admin -- identity-provider --organisation <id|SOR|name> --issuer <url> --client-id …
//                      [--client-secret-env <VARIABLE>] [--login-claim email]    (or --remove)
//   npm run admin -- password-sign-in --organisation <id|SOR|name> --off|--on
//
// It opens the database Samplan is configured with (DATABASE_URL, default the
// embedded ./data/db), applying migrations to an empty one, and prints the
// set-password link under PUBLIC_URL (or the local address). The embedded
// database admits one process: stop the server first, or this says so.
import { parseArgs } from 'node:util';
import { SamplanError, sorCodeSchema, staffLoginSchema, staffRoleSchema, personNameSchema, freeText, type StaffRole } from '@samplan/shared';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, loadConfig, publicBaseUrl } from '../config.ts';
import { createOrganisation, issueLinkByOperator } from '../record/organisations/createOrganisation.ts';
import { findOrganisation, removeIdentityProvider, setIdentityProvider, setPasswordSignIn } from '../record/organisations/organisationSignIn.ts';
import { type Db, openDatabase } from '../store/database.ts';
import type { Sector } from '../store/generated/client.ts';

const USAGE = `Usage:
  npm run admin -- create-organisation --name "<name>" --sector hospital_ward|municipal_unit|general_practice
                   [--sor <SOR code, as the hospital's systems name it in FHIR>]
                   [--admin-name "<name>" --admin-login <e-mail or user name> [--admin-role <role>]]
  npm run admin -- password-link --login <e-mail or user name>
  npm run admin -- identity-provider --organisation <id, SOR code or name> --issuer <https URL> --client-id <id>
                   [--client-secret-env <environment variable holding the client secret on every node>]
                   [--login-claim <ID token claim that equals the staff login at the first sign-in; default email>]
  npm run admin -- identity-provider --organisation <…> --remove
  npm run admin -- password-sign-in --organisation <…> --off|--on

Roles: ${staffRoleSchema.options.join(', ')}.`;

const SECTORS = ['hospital_ward', 'municipal_unit', 'general_practice'] as const satisfies readonly Sector[];

/** A first administrator's clinical role when none is given: the usual one of the sector. */
const DEFAULT_ROLE: Readonly<Record<Sector, StaffRole>> = { hospital_ward: 'nurse', municipal_unit: 'visitator', general_practice: 'gp' };

const createOrganisationArgs = z
  .object({
    name: freeText(200),
    sector: z.enum(SECTORS),
    sor: sorCodeSchema.optional(),
    'admin-name': personNameSchema.optional(),
    'admin-login': staffLoginSchema.optional(),
    'admin-role': staffRoleSchema.optional(),
  })
  .refine((args) => (args['admin-name'] === undefined) === (args['admin-login'] === undefined), { message: '--admin-name and --admin-login go together' });

const passwordLinkArgs = z.object({ login: staffLoginSchema });

/** https, or http to this machine only (a developer's or a test's provider): the provider's answers are what a sign-in trusts. */
const issuerUrl = z.url({ protocol: /^https?$/ }).refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url), 'must be an https URL');

const identityProviderArgs = z.union([
  z.object({ organisation: z.string().min(1), remove: z.literal(true) }).strict(),
  z
    .object({
      organisation: z.string().min(1),
      issuer: issuerUrl,
      'client-id': z.string().min(1).max(500),
      'client-secret-env': z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the name of an environment variable (A-Z, 0-9, _)').optional(),
      'login-claim': z.string().regex(/^[A-Za-z_][A-Za-z0-9_:.-]*$/, 'must be a claim name').default('email'),
    })
    .strict(),
]);

const passwordSignInArgs = z
  .object({ organisation: z.string().min(1), off: z.boolean().optional(), on: z.boolean().optional() })
  .refine((args) => args.off !== args.on && (args.off === true || args.on === true), { message: 'say --off or --on' });

class UsageError extends Error {}

/** The configured database for one command, closed whatever happens. */
async function withDatabase(url: string, use: (db: Db) => Promise<number>): Promise<number> {
  const database = await openDatabase(url);
  try {
    return await use(database.prisma);
  } finally {
    await database.close();
  }
}

function parsed<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((issue) => `${issue.path.length > 0 ? `--${issue.path.join('.')}: ` : ''}${issue.message}`).join('\n'));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, sector: { type: 'string' }, sor: { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-login': { type: 'string' }, 'admin-role': { type: 'string' },
      login: { type: 'string' },
      organisation: { type: 'string' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret-env': { type: 'string' },
      'login-claim': { type: 'string' },
      remove: { type: 'boolean' },
      off: { type: 'boolean' },
      on: { type: 'boolean' },
    },
    strict: true,
  });
  const now = new Date();
  // The command signs no session or token, so it needs no SAMPLAN_SECRET: a throw-away one keeps the configuration check quiet.
  const config = loadConfig(process.env, { secret: randomBytes(32).toString('base64url') });
  switch (command) {
    case 'create-organisation': {
      const args = parsed(createOrganisationArgs, values);
      const adminLogin = args['admin-login'];
      const administrator =
        args['admin-name'] === undefined || adminLogin === undefined
          ? undefined
          : { name: args['admin-name'], login: adminLogin, role: args['admin-role'] ?? DEFAULT_ROLE[args.sector] };
      return withDatabase(config.databaseUrl, async (db) => {
        const created = await createOrganisation(db, now, { name: args.name, sector: args.sector, ...(args.sor ? { sorCode: args.sor } : {}), ...(administrator ? { administrator } : {}) }, 'cli admin create-organisation');
        process.stdout.write(`Organisation created: ${args.name} (${args.sector}${args.sor ? `, SOR ${args.sor}` : ''}), id ${created.organisationId}\n`);
        if (created.administrator !== null && administrator !== undefined) {
          const { link } = created.administrator;
          process.stdout.write(
            `Administrator: ${administrator.name} <${administrator.login}>, ${administrator.role}\n` +
              `Set-password link (works once, until ${link.link.expiresAt}; shown only now):\n${publicBaseUrl(config)}${link.path}\n`,
          );
        }
        return 0;
      });
    }
    case 'password-link': {
      const args = parsed(passwordLinkArgs, values);
      return withDatabase(config.databaseUrl, async (db) => {
        const issued = await issueLinkByOperator(db, now, args.login, 'cli admin password-link');
        if (issued === null) {
          process.stderr.write(`No active staff account has the login ${args.login}.\n`);
          return 1;
        }
        process.stdout.write(`Set-password link for ${issued.name} <${args.login}> (works once, until ${issued.link.link.expiresAt}; earlier links stop working):\n${publicBaseUrl(config)}${issued.link.path}\n`);
        return 0;
      });
    }
    case 'identity-provider': {
      const args = parsed(identityProviderArgs, values);
      return withDatabase(config.databaseUrl, async (db) => {
        const organisation = await findOrganisation(db, args.organisation);
        if ('remove' in args) {
          await removeIdentityProvider(db, organisation.id, 'cli admin identity-provider');
          process.stdout.write(`${organisation.name}: identity provider removed; its staff sign in with a password.\n`);
          return 0;
        }
        const secretEnv = args['client-secret-env'];
        await setIdentityProvider(
          db,
          organisation.id,
          { issuer: args.issuer, clientId: args['client-id'], loginClaim: args['login-claim'], ...(secretEnv ? { clientSecretEnv: secretEnv } : {}) },
          'cli admin identity-provider',
        );
        process.stdout.write(
          `${organisation.name}: staff sign in through ${args.issuer} as client ${args['client-id']}, matched by the claim "${args['login-claim']}" at their first sign-in.\n` +
            `Register this redirect URI with the provider: ${publicBaseUrl(config)}/api/auth/oidc/callback\n` +
            (secretEnv === undefined
              ? 'No client secret: a public client (PKCE only).\n'
              : `The client secret is read from ${secretEnv} on every Samplan node${process.env[secretEnv] ? '' : ' (not set in this shell: set it where Samplan runs)'}; it is never stored in the database.\n`),
        );
        return 0;
      });
    }
    case 'password-sign-in': {
      const args = parsed(passwordSignInArgs, values);
      return withDatabase(config.databaseUrl, async (db) => {
        const organisation = await findOrganisation(db, args.organisation);
        await setPasswordSignIn(db, organisation.id, args.on === true, 'cli admin password-sign-in');
        process.stdout.write(
          args.on === true
            ? `${organisation.name}: staff may sign in with a password again.\n`
            : `${organisation.name}: password sign-in is off; its staff sign in through the identity provider only (signed-in sessions go on until they end).\n`,
        );
        return 0;
      });
    }
    default:
      throw new UsageError(command === undefined ? 'Which command?' : `Unknown command: ${command}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof SamplanError || error instanceof ConfigError) {
    // The embedded database held by a running server, a login taken, a bad DATABASE_URL: said plainly.
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}

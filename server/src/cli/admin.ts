// The operator's command line, for what no administrator can do from a
// screen: start an empty database with its first organisation and
// administrator, and let a locked-out administrator back in.
//
//   npm run admin -- create-organisation --name "…" --sector hospital_ward|municipal_unit|general_practice
//                      [--sor <SOR code>] [--admin-name "…" --admin-login … [--admin-role nurse]]
//   npm run admin -- password-link --login …
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
import { openDatabase } from '../store/database.ts';
import type { Sector } from '../store/generated/client.ts';

const USAGE = `Usage:
  npm run admin -- create-organisation --name "<name>" --sector hospital_ward|municipal_unit|general_practice
                   [--sor <SOR code, as the hospital's systems name it in FHIR>]
                   [--admin-name "<name>" --admin-login <e-mail or user name> [--admin-role <role>]]
  npm run admin -- password-link --login <e-mail or user name>

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

class UsageError extends Error {}

function parsed<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((issue) => `${issue.path.length > 0 ? `--${issue.path.join('.')}: ` : ''}${issue.message}`).join('\n'));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, sector: { type: 'string' }, sor: { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-login': { type: 'string' }, 'admin-role': { type: 'string' }, login: { type: 'string' } },
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
      const database = await openDatabase(config.databaseUrl);
      try {
        const created = await createOrganisation(database.prisma, now, { name: args.name, sector: args.sector, ...(args.sor ? { sorCode: args.sor } : {}), ...(administrator ? { administrator } : {}) }, 'cli admin create-organisation');
        process.stdout.write(`Organisation created: ${args.name} (${args.sector}${args.sor ? `, SOR ${args.sor}` : ''}), id ${created.organisationId}\n`);
        if (created.administrator !== null && administrator !== undefined) {
          const { link } = created.administrator;
          process.stdout.write(
            `Administrator: ${administrator.name} <${administrator.login}>, ${administrator.role}\n` +
              `Set-password link (works once, until ${link.link.expiresAt}; shown only now):\n${publicBaseUrl(config)}${link.path}\n`,
          );
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'password-link': {
      const args = parsed(passwordLinkArgs, values);
      const database = await openDatabase(config.databaseUrl);
      try {
        const issued = await issueLinkByOperator(database.prisma, now, args.login, 'cli admin password-link');
        if (issued === null) {
          process.stderr.write(`No active staff account has the login ${args.login}.\n`);
          return 1;
        }
        process.stdout.write(`Set-password link for ${issued.name} <${args.login}> (works once, until ${issued.link.link.expiresAt}; earlier links stop working):\n${publicBaseUrl(config)}${issued.link.path}\n`);
      } finally {
        await database.close();
      }
      return 0;
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

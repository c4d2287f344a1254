import { SamplanError } from '@samplan/shared';
import { Prisma, type PrismaClient } from './generated/client.ts';

/**
 * A unique key was violated: the thing exists already, or another writer got
 * there first (two appends of the same plan revision number). Carries no
 * values, only names, so it is safe to log (a CPR number never leaks).
 */
export class UniqueConflictError extends SamplanError {
  readonly model: string | null;
  /** The fields of the violated key; empty when PostgreSQL named only a primary key. */
  readonly fields: readonly string[];
  /** The index PostgreSQL named, when it named one (adapter-pg does, PGlite's adapter names the columns). */
  readonly constraint: string | null;

  constructor(model: string | null, fields: readonly string[], constraint?: string) {
    const key = fields.length > 0 ? fields.join(', ') : constraint?.endsWith('_pkey') ? 'primary key' : (constraint ?? 'key');
    super('CONFLICT', `${model ?? 'A record'} with the same ${key} exists already.`);
    this.name = 'UniqueConflictError';
    this.model = model;
    this.fields = fields;
    this.constraint = constraint ?? null;
  }
}

/** Makes every query of `client` (and of its transactions) throw UniqueConflictError instead of Prisma's P2002. */
export function withConflictErrors(client: PrismaClient) {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw toUniqueConflict(error) ?? error;
        }
      },
    },
  });
}

/**
 * The same violation arrives in two shapes. PGlite's adapter names the columns
 * as PostgreSQL prints them, quoted when mixed-case (`['"planId"', 'number']`);
 * adapter-pg names the index (`PlanRevision_planId_number_key`). Prisma's
 * default index names are `<Model>_<field>_…_key` and no field in this schema
 * has an underscore, so the fields are read back from the name.
 */
export function toUniqueConflict(error: unknown): UniqueConflictError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const meta = (error.meta ?? {}) as {
    modelName?: string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
  };
  const model = meta.modelName ?? null;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  if (constraint?.fields) return new UniqueConflictError(model, constraint.fields.map(unquoteIdentifier));
  if (constraint?.index) return new UniqueConflictError(model, fieldsFromIndexName(constraint.index, model), constraint.index);
  return new UniqueConflictError(model, []);
}

function fieldsFromIndexName(index: string, model: string | null): string[] {
  const prefix = model === null ? '' : `${model}_`;
  if (!index.startsWith(prefix) || !index.endsWith('_key')) return [];
  return index.slice(prefix.length, -'_key'.length).split('_');
}

function unquoteIdentifier(identifier: string): string {
  return identifier.startsWith('"') && identifier.endsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier;
}

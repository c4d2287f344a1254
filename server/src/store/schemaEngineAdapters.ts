import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// The driver adapters the Prisma CLI's WASM schema engine uses
// (prisma.config.ts). Both published adapters need fixing for migrations; the
// runtime client (database.ts) uses them unchanged.

/** For the schema engine on an embedded PGlite: the adapter with workarounds 1 and 2. */
export function pgliteSchemaEngineAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withPgliteSimpleProtocol(await factory.connect(), pglite),
    // The published adapter opens a shadow PGlite it never closes; this one is
    // closed with the adapter, so its timers do not keep the CLI alive.
    connectToShadowDb: async () => {
      const shadow = await PGlite.create();
      const adapter = withPgliteSimpleProtocol(await new PrismaPGlite(shadow).connect(), shadow);
      return Object.create(adapter, { dispose: { value: () => shadow.close() } }) as SqlDriverAdapter;
    },
  };
}

function withPgliteSimpleProtocol(adapter: SqlDriverAdapter, pglite: PGlite): SqlDriverAdapter {
  return Object.create(adapter, {
    // Workaround 1: the published executeScript calls PGlite.exec without
    // awaiting it, so a failing migration resolves as a success and is
    // recorded as applied.
    executeScript: {
      value: async (script: string): Promise<void> => {
        await runSimple(() => pglite.exec(script));
      },
    },
    // Workaround 2: the schema engine replays whole migration scripts on the
    // shadow database through a parameterless executeRaw; the extended
    // protocol (PGlite.query) refuses several commands in one prepared
    // statement, the simple protocol (PGlite.exec) runs them.
    executeRaw: {
      value: async (query: SqlQuery): Promise<number> => {
        if (query.args.length > 0) return adapter.executeRaw(query);
        const results = await runSimple(() => pglite.exec(query.sql));
        return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
      },
    },
  }) as SqlDriverAdapter;
}

/** For the schema engine on a PostgreSQL server: adapter-pg with workaround 3. */
export function postgresSchemaEngineAdapter(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  // allowExitOnIdle: idle pooled connections must not keep the CLI running.
  const factory = new PrismaPg({ connectionString, allowExitOnIdle: true });
  const wrap = (adapter: Awaited<ReturnType<PrismaPg['connect']>>): SqlDriverAdapter =>
    Object.create(adapter, {
      // Workaround 3: adapter-pg splits scripts on ";", which cuts $$-quoted
      // function bodies apart and runs the statements one by one, so a failure
      // half-applies a migration. One simple-protocol query runs the whole
      // script as one implicit transaction.
      executeScript: {
        value: async (script: string): Promise<void> => {
          await runSimple(() => adapter.underlyingDriver().query(script));
        },
      },
    }) as SqlDriverAdapter;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

type PostgresErrorFields = { code: string; severity?: string; message: string; detail?: string; column?: string; hint?: string };

/** Runs a simple-protocol call, reporting a database error the way the adapters do, so the CLI prints its code and message. */
async function runSimple<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isPostgresError(error)) throw error;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: error.code,
      severity: error.severity ?? 'ERROR',
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  return error instanceof Error && typeof (error as Partial<PostgresErrorFields>).code === 'string';
}

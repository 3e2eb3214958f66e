import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EntityClass, Options, ReflectMetadataProvider } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DatabaseConfig } from '../config/app-config';
import { cachePreparedStatements, PreparingConnection } from './sqlite-statement-cache';
import { FunctionDefiningConnection, foldUnicodeCase } from './sqlite-unicode-case';

type SqliteConnection = PreparingConnection & FunctionDefiningConnection;

/** Migrations are dialect-specific: each dialect keeps its own folder and snapshot. */
function migrationsFor(dialect: DatabaseConfig['dialect'], snapshot: boolean) {
  return {
    path: join(__dirname, 'migrations', dialect),
    pathTs: join(__dirname, '..', '..', 'src', 'database', 'migrations', dialect),
    glob: '!(*.d).{js,ts}',
    snapshotName: `.snapshot-${dialect}`,
    snapshot,
    transactional: true,
    allOrNothing: true,
    emit: 'ts' as const,
    silent: true,
  };
}

/**
 * MikroORM options for one database configuration; the same for the app, the CLI and the tests. They name the
 * migrations but do not load the migrator: what migrates takes `migratingOrmOptions`.
 * Only the MikroORM CLI (`forCli`) reads and writes the schema snapshots: applying migrations at run
 * time must not rewrite files under src/.
 */
export function buildOrmOptions(config: DatabaseConfig, entities: EntityClass<unknown>[], { forCli = false } = {}): Options {
  const common = {
    entities,
    metadataProvider: ReflectMetadataProvider,
    migrations: migrationsFor(config.dialect, forCli),
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    // Under ts-node or jest the migrator must read the TypeScript migrations, not dist/.
    preferTs: __filename.endsWith('.ts'),
  };
  if (config.dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: config.url };
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  const pool = {
    afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
      cachePreparedStatements(connection);
      foldUnicodeCase(connection);
      done(null, connection);
    },
  };
  return { ...common, driver: BetterSqliteDriver, dbName: config.sqlitePath, pool };
}

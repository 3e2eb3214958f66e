import { EntityClass, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { DatabaseConfig } from '../config/app-config';
import { buildOrmOptions } from './orm-options';

/**
 * ORM options with the migrator (`orm.getMigrator()`), for set-up, backups and the MikroORM CLI. The running app never
 * migrates, so it does not load the migrator and its CLI toolkit (about 300 modules).
 */
export function migratingOrmOptions(config: DatabaseConfig, entities: EntityClass<unknown>[], options: { forCli?: boolean } = {}): Options {
  return { ...buildOrmOptions(config, entities, options), extensions: [Migrator] };
}

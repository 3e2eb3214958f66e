import { loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';
import { migratingOrmOptions } from './database/migrating-orm-options';
import { ENTITIES } from './entities';

/** The MikroORM CLI's configuration: DATABASE_URL picks PostgreSQL, otherwise the SQLite file. */
export default migratingOrmOptions(loadConfig(readEnvironment()).database, ENTITIES, { forCli: true });

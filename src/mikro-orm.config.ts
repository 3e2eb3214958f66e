import { loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';
import { buildOrmOptions } from './database/orm-options';
import { ENTITIES } from './entities';

/** The MikroORM CLI's configuration: DATABASE_URL picks PostgreSQL, otherwise the SQLite file. */
export default buildOrmOptions(loadConfig(readEnvironment()).database, ENTITIES, { forCli: true });

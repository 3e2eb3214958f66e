import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../config/app-config';
import { dumpDatabase, loadDump } from '../../database/backup/database-dump';

/** A copy of the live database that a dry run may change at will, and how to throw it away. */
export interface ThrowawayDatabase {
  config: DatabaseConfig;
  /** A scratch folder for the copy's stored files and the dump. */
  folder: string;
  drop(): Promise<void>;
}

/**
 * Copies the live database with the backup's own tools: SQLite through `VACUUM INTO` (one read transaction, writers
 * go on), PostgreSQL through `pg_dump` into a new database on the same server that only the dry run uses.
 */
export async function throwawayCopy(orm: MikroORM, live: DatabaseConfig): Promise<ThrowawayDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'thidua-simulation-'));
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  try {
    if (live.dialect === 'sqlite') {
      const sqlitePath = join(folder, 'simulation.sqlite');
      await dumpDatabase(orm, live, sqlitePath);
      return { config: { dialect: 'sqlite', sqlitePath }, folder, drop: removeFolder };
    }
    const name = `thidua_simulation_${randomBytes(6).toString('hex')}`;
    const dump = join(folder, 'database.pgdump');
    await dumpDatabase(orm, live, dump);
    const connection = orm.em.getConnection();
    await connection.execute(`create database "${name}"`);
    const url = new URL(live.url!);
    url.pathname = `/${name}`;
    const config: DatabaseConfig = { dialect: 'postgresql', sqlitePath: live.sqlitePath, url: url.toString() };
    const drop = async () => {
      await connection.execute(`drop database if exists "${name}" with (force)`);
      await removeFolder();
    };
    try {
      await loadDump(config, dump);
    } catch (error) {
      await drop();
      throw error;
    }
    return { config, folder, drop };
  } catch (error) {
    await removeFolder();
    throw error;
  }
}

import { execFile } from 'node:child_process';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../config/app-config';
import { BackupError } from './backup-error';

const run = promisify(execFile);

/** File name of the dump inside a backup folder, per dialect. */
export const DUMP_FILE: Record<DatabaseConfig['dialect'], string> = { sqlite: 'database.sqlite', postgresql: 'database.pgdump' };

async function runTool(tool: string, args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new BackupError('BACKUP_TOOL_MISSING', `Cần ${tool} (gói postgresql-client) trên máy này`, `${tool} is needed on this machine (package postgresql-client)`);
    }
    const detail = (failure.stderr ?? failure.message).trim();
    throw new BackupError('BACKUP_TOOL_FAILED', `${tool} thất bại: ${detail}`, `${tool} failed: ${detail}`);
  }
}

/**
 * A consistent copy of the live database at `target`. SQLite: `VACUUM INTO`, one read transaction, so writers
 * may go on meanwhile; PostgreSQL: `pg_dump` in its custom format (one snapshot), without owners or grants so it
 * restores under any role.
 */
export async function dumpDatabase(orm: MikroORM, config: DatabaseConfig, target: string): Promise<void> {
  if (config.dialect === 'sqlite') {
    await orm.em.getConnection().execute('vacuum into ?', [target], 'run');
    return;
  }
  await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${config.url}`]);
}

/** Whether the target database holds no table yet: a restore never merges into, or overwrites, live data. */
export async function databaseIsEmpty(orm: MikroORM, config: DatabaseConfig): Promise<boolean> {
  const query =
    config.dialect === 'sqlite'
      ? "select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'"
      : "select count(*) as n from information_schema.tables where table_schema = current_schema()";
  const [row] = await orm.em.getConnection().execute<{ n: number | string }[]>(query);
  return Number(row.n) === 0;
}

/** Loads a dump into the (empty, checked by the caller) target database, in one transaction for PostgreSQL. */
export async function loadDump(config: DatabaseConfig, dump: string): Promise<void> {
  if (config.dialect === 'sqlite') {
    // Copied beside the target, then renamed: the target never holds half a database.
    const partial = `${config.sqlitePath}.restoring`;
    await copyFile(dump, partial);
    for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${config.sqlitePath}${suffix}`, { force: true });
    await rename(partial, config.sqlitePath);
    return;
  }
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${config.url}`, dump]);
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

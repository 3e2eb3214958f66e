import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EntityClass, MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../config/app-config';
import { migratingOrmOptions } from '../migrating-orm-options';
import { BackupError } from './backup-error';
import { BackupManifest, describeFile, FILES_FOLDER, listFiles, ManifestContent, readManifest, verifyManifestFiles, writeManifest } from './backup-manifest';
import { databaseIsEmpty, dumpDatabase, DUMP_FILE, fileExists, loadDump } from './database-dump';

/** Where the data lives: the database and the folder of stored files (evidence, attachments). */
export interface BackupTarget {
  database: DatabaseConfig;
  storageDirectory: string;
  /** The application's entities (the ORM needs them to open the database). */
  entities: EntityClass<unknown>[];
}

/** Copies the stored files, leaving out the temporary folder of writes in progress. */
async function copyStoredFiles(from: string, to: string, overwrite: boolean): Promise<string[]> {
  const copied: string[] = [];
  for (const path of await listFiles(from, from)) {
    if (path.startsWith('.tmp/')) continue;
    const target = join(to, path);
    // Stored files are named by their SHA-256: one already there holds the same bytes.
    if (!overwrite && (await fileExists(target))) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(from, path), target);
    copied.push(path);
  }
  return copied;
}

async function withOrm<T>(target: BackupTarget, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init(migratingOrmOptions(target.database, target.entities));
  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

async function appliedMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getExecutedMigrations()).map((migration) => migration.name);
}

/**
 * Writes a backup into `folder` (created; must be new or empty): the database dump, the stored files and a
 * manifest with every checksum. `counts` describes the data for the person who will restore it.
 */
export async function createBackup(target: BackupTarget, folder: string, counts: (orm: MikroORM) => Promise<ManifestContent['counts']>): Promise<BackupManifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) {
    throw new BackupError('BACKUP_FOLDER_NOT_EMPTY', `Thư mục ${folder} đã có dữ liệu: hãy chọn một thư mục mới`, `${folder} is not empty: choose a new folder`);
  }
  const dumpPath = DUMP_FILE[target.database.dialect];
  const { migrations, inventory } = await withOrm(target, async (orm) => {
    const before = { migrations: await appliedMigrations(orm), inventory: await counts(orm) };
    await dumpDatabase(orm, target.database, join(folder, dumpPath));
    return before;
  });
  const files = await copyStoredFiles(target.storageDirectory, join(folder, FILES_FOLDER), true);
  return writeManifest(folder, {
    createdAt: new Date().toISOString(),
    dialect: target.database.dialect,
    migrations,
    counts: inventory,
    database: await describeFile(folder, dumpPath),
    files: await Promise.all(files.map((path) => describeFile(folder, `${FILES_FOLDER}/${path}`))),
  });
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after loading it. */
  migrated: string[];
}

/**
 * Restores `folder` into the configured database, which must be empty, then applies newer migrations. Every
 * checksum is verified before the database is touched, so a damaged or foreign backup changes nothing.
 */
export async function restoreBackup(target: BackupTarget, folder: string): Promise<RestoreResult> {
  const manifest = await readManifest(folder);
  if (manifest.dialect !== target.database.dialect) {
    throw new BackupError(
      'BACKUP_DIALECT_MISMATCH',
      `Bản sao lưu là của ${manifest.dialect}, còn cơ sở dữ liệu đích là ${target.database.dialect}`,
      `The backup is of ${manifest.dialect}, the target database is ${target.database.dialect}`,
    );
  }
  await verifyManifestFiles(folder, manifest);
  const empty = await withOrm(target, (orm) => databaseIsEmpty(orm, target.database));
  if (!empty) {
    throw new BackupError(
      'RESTORE_TARGET_NOT_EMPTY',
      'Cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào một cơ sở dữ liệu trống (không gì bị ghi đè)',
      'The target database is not empty: restore only into an empty database (nothing was overwritten)',
    );
  }
  await loadDump(target.database, join(folder, manifest.database.path));
  await copyStoredFiles(join(folder, FILES_FOLDER), target.storageDirectory, false);
  const migrated = await withOrm(target, async (orm) => (await orm.getMigrator().up()).map((migration) => migration.name));
  return { manifest, migrated };
}

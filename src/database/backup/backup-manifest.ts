import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BackupError } from './backup-error';

export const MANIFEST_FILE = 'manifest.json';
export const FILES_FOLDER = 'files';
const FORMAT = 'thidua-backup';
const FORMAT_VERSION = 1;

export interface ManifestFile {
  /** Path inside the backup folder, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
}

/** What a backup holds and how to check it: the database dump and every stored file, each with its SHA-256. */
export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  dialect: 'sqlite' | 'postgresql';
  /** The migrations applied to the database when it was backed up: a restore applies any newer ones. */
  migrations: string[];
  counts: { campaigns: number; campaignEvents: number; storedFiles: number };
  database: ManifestFile;
  files: ManifestFile[];
}

export type ManifestContent = Omit<BackupManifest, 'format' | 'formatVersion'>;

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(folder: string, path: string): Promise<ManifestFile> {
  const absolute = join(folder, path);
  return { path, sha256: await sha256OfFile(absolute), bytes: (await stat(absolute)).size };
}

/** Every file under `root`, as paths relative to `base` with forward slashes, in a stable order. */
export async function listFiles(root: string, base: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(relative(base, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return found.sort();
}

export async function writeManifest(folder: string, content: ManifestContent): Promise<BackupManifest> {
  const manifest: BackupManifest = { format: FORMAT, formatVersion: FORMAT_VERSION, ...content };
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError('BACKUP_NOT_FOUND', `Không thấy bản sao lưu: thiếu ${join(folder, MANIFEST_FILE)}`, `No backup here: ${join(folder, MANIFEST_FILE)} is missing`);
  }
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    manifest = {};
  }
  if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION || !manifest.database || !Array.isArray(manifest.files)) {
    throw new BackupError('BACKUP_FORMAT_UNKNOWN', `${MANIFEST_FILE} không phải của một bản sao lưu thidua (phiên bản ${FORMAT_VERSION})`, `${MANIFEST_FILE} is not a thidua backup (format version ${FORMAT_VERSION})`);
  }
  return manifest as BackupManifest;
}

/** Checks every checksum before anything is restored, so that a damaged backup changes nothing. */
export async function verifyManifestFiles(folder: string, manifest: BackupManifest): Promise<void> {
  for (const file of [manifest.database, ...manifest.files]) {
    if (file.path.split('/').includes('..')) throw new BackupError('BACKUP_CORRUPT', `Đường dẫn không hợp lệ trong bản sao lưu: ${file.path}`, `Invalid path in the backup: ${file.path}`);
    let actual: string;
    try {
      actual = await sha256OfFile(join(folder, file.path));
    } catch {
      throw new BackupError('BACKUP_CORRUPT', `Bản sao lưu thiếu tệp ${file.path}`, `The backup lacks ${file.path}`);
    }
    if (actual !== file.sha256) throw new BackupError('BACKUP_CORRUPT', `Tệp ${file.path} của bản sao lưu đã bị thay đổi (SHA-256 không khớp)`, `${file.path} in the backup has changed (SHA-256 mismatch)`);
  }
}

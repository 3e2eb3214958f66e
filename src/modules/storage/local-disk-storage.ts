import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStorage } from './file-storage';

/** What a key may look like: path segments of lowercase letters, digits and dashes; nothing that climbs out. */
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** ENOTDIR: a path step is a file, so nothing can be there either. */
const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

/**
 * FileStorage on a local folder (STORAGE_DIR). A write goes to a temporary file under `.tmp/` in the same folder tree
 * (so the same file system), is flushed to disk, and is then renamed to its key: rename is atomic, so a reader never
 * sees a half-written file, and two writers of the same content just replace identical bytes.
 */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, content: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return;
    const temporaryFolder = join(this.root, '.tmp');
    await mkdir(temporaryFolder, { recursive: true });
    const temporary = join(temporaryFolder, `${randomBytes(12).toString('hex')}.part`);
    try {
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async openReadStream(key: string): Promise<Readable | null> {
    try {
      // Opened before the stream is handed out, so that a missing file is known now rather than as a stream error.
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key), constants.F_OK);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
    return join(this.root, key);
  }
}

import type { Readable } from 'node:stream';

/**
 * Where file bytes live, by key. Keys are content-addressed (`ab/cd/<sha256>`, see `storageKeyOf`), so a key always
 * holds the same bytes: writing one that exists changes nothing. `LocalDiskStorage` implements it on a folder; another
 * backend (S3) replaces it by providing `FILE_STORAGE` differently.
 */
export interface FileStorage {
  /** Stores the bytes under the key; readers see either nothing or the whole content, never part of it. */
  put(key: string, content: Buffer): Promise<void>;
  /** A stream of the bytes under the key; null when the key holds nothing. */
  openReadStream(key: string): Promise<Readable | null>;
  /** Removes the key's bytes; nothing happens when there are none. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** The Nest token FileStorage is injected by: `@Inject(FILE_STORAGE) storage: FileStorage`. */
export const FILE_STORAGE = Symbol('FileStorage');

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The key of content with this SHA-256 (hex): two levels of folders from its first four digits, so none grows huge. */
export function storageKeyOf(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 in hex: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

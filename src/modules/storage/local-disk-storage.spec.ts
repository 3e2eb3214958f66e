import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { storageKeyOf } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

const keyOf = (content: Buffer) => storageKeyOf(createHash('sha256').update(content).digest('hex'));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'thidua-disk-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('puts, finds, streams and deletes bytes under a content key', async () => {
    const content = Buffer.from('%PDF-1.7 minh chứng');
    const key = keyOf(content);
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.openReadStream(key)).toBeNull();

    await storage.put(key, content);
    expect(await storage.exists(key)).toBe(true);
    expect(readFileSync(join(root, key)).equals(content)).toBe(true);
    expect((await readAll((await storage.openReadStream(key))!)).equals(content)).toBe(true);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('leaves an existing key as it is', async () => {
    const content = Buffer.from('same bytes');
    const key = keyOf(content);
    await storage.put(key, content);
    await storage.put(key, content);
    expect(readFileSync(join(root, key)).equals(content)).toBe(true);
    expect(readdirSync(join(root, key, '..'))).toEqual([key.split('/')[2]]);
  });

  it('shows nothing at the key and leaves no temporary file when a write fails', async () => {
    const content = Buffer.from('cannot land');
    const key = keyOf(content);
    // A file where the key's first folder should be: the bytes are written, then the folder cannot be made.
    writeFileSync(join(root, key.slice(0, 2)), 'in the way');
    await expect(storage.put(key, content)).rejects.toThrow();
    expect(await storage.exists(key)).toBe(false);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });

  it.each(['../etc/passwd', '/etc/passwd', 'ab/../../x', 'AB/cd/x', 'ab//cd', '', 'ab/cd/x.pdf'])('refuses the key %p', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    await expect(storage.exists(key)).rejects.toThrow(/invalid storage key/);
  });
});

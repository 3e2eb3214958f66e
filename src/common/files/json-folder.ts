import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `<key><suffix>` file of a folder, parsed but not yet validated. */
export interface JsonFile {
  key: string;
  path: string;
  document: unknown;
}

/**
 * Reads every `<key><suffix>` file of a folder (no folder, no files), in key order: the built-in forms, workflows,
 * scoring tables and rule packs. A file that is not valid JSON stops the read with its path, since built-in files are
 * part of the build; `what` names them in that error ("scoring table").
 */
export function readJsonFolder(dir: string, suffix: string, what: string): JsonFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      try {
        return { key: name.slice(0, -suffix.length), path, document: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (error) {
        throw new Error(`Built-in ${what} ${path} is not valid JSON: ${(error as Error).message}`);
      }
    });
}

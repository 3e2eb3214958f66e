import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../../common/hashing/canonical-json';
import { projectRoot } from '../../../common/project-root';

const SUFFIX = '.table.json';

/** scoring/ at the project root, shipped next to dist rather than copied into it (like forms/). */
export const builtinScoringTablesDir = () => join(projectRoot(), 'scoring');

export interface BuiltinScoringTableFile {
  /** `<name>` from `scoring/<name>.table.json`: the table key. */
  key: string;
  /** The parsed document, not yet validated: the sync validates it as any published table. */
  document: Record<string, unknown>;
  contentHash: string;
}

/**
 * Reads every `<name>.table.json` of a folder, ordered by key; no folder, no tables. A file that is not a JSON
 * object stops the read: it is a bug in the build.
 */
export function readBuiltinScoringTables(dir = builtinScoringTablesDir()): BuiltinScoringTableFile[] {
  if (!existsSync(dir)) return [];
  const files: BuiltinScoringTableFile[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith(SUFFIX))) {
    const path = join(dir, name);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Built-in scoring table ${path} is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error(`Built-in scoring table ${path} is not a JSON object`);
    files.push({ key: name.slice(0, -SUFFIX.length), document: document as Record<string, unknown>, contentHash: contentHash(document) });
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

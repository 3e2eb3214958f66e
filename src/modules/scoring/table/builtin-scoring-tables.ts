import { join } from 'node:path';
import { readJsonFolder } from '../../../common/files/json-folder';
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
  return readJsonFolder(dir, SUFFIX, 'scoring table').map(({ key, path, document }) => {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error(`Built-in scoring table ${path} is not a JSON object`);
    return { key, document: document as Record<string, unknown>, contentHash: contentHash(document) };
  });
}

import { join } from 'node:path';
import { readJsonFolder } from '../../../common/files/json-folder';
import { contentHash } from '../../../common/hashing/canonical-json';
import { projectRoot } from '../../../common/project-root';
import { parseIsoDate } from './iso-date';
import { RulePack } from './rule-pack';
import { inEffectiveOrder } from './rule-pack-order';
import { validateRulePack } from './validate-rule-pack';

const SUFFIX = '.pack.json';

/** commendations/ at the project root, shipped next to dist rather than copied into it (like scoring/ and forms/). */
export const builtinRulePacksDir = () => join(projectRoot(), 'commendations');

/**
 * Reads and validates every `<key>.pack.json` of a folder, ordered by `effectiveFrom`; no folder, no packs.
 * Any problem stops the load (invalid JSON, a validation problem, a `key` that is not the file name, two packs
 * taking effect on the same date): a built-in pack is part of the build, and a broken one must not start.
 */
export function loadBuiltinRulePacks(dir = builtinRulePacksDir()): RulePack[] {
  const loaded: RulePack[] = [];
  for (const { key, path, document } of readJsonFolder(dir, SUFFIX, 'rule pack')) {
    const problems = validateRulePack(document);
    if (problems.length) {
      throw new Error(`Built-in rule pack ${path} is invalid:\n${problems.map((p) => `  ${p.path || '(pack)'} ${p.code}: ${p.message.en}`).join('\n')}`);
    }
    const pack = document as RulePack;
    if (pack.key !== key) throw new Error(`Built-in rule pack ${path} has key "${pack.key}", expected "${key}" (its file name)`);
    loaded.push(pack);
  }
  const packs = inEffectiveOrder(loaded);
  packs.forEach((pack, i) => {
    if (i > 0 && pack.effectiveFrom === packs[i - 1].effectiveFrom) {
      throw new Error(`Built-in rule packs "${packs[i - 1].key}" and "${pack.key}" both take effect on ${pack.effectiveFrom}`);
    }
  });
  return packs;
}

export interface BuiltinRulePackFile {
  /** `<key>` from `commendations/<key>.pack.json`. */
  key: string;
  /** The parsed document, not yet validated: the sync validates it as any published pack. */
  document: unknown;
  contentHash: string;
}

/** Every `<key>.pack.json` of a folder as it is, with its content hash, for the sync that publishes them. */
export function readBuiltinRulePackFiles(dir = builtinRulePacksDir()): BuiltinRulePackFile[] {
  return readJsonFolder(dir, SUFFIX, 'rule pack').map(({ key, document }) => ({ key, document, contentHash: contentHash(document) }));
}

/**
 * The pack that governs an evaluation year: the one with the latest `effectiveFrom` whose year is at most `year`.
 * A pack taking effect during a year governs that whole year, because titles are reviewed at its end (late
 * December) under the rules then in force; of two packs in one year, the later one governs. Throws when no pack is
 * in force yet: evaluating a year before the first pack is a bug in the caller.
 */
export function packForYear(packs: readonly RulePack[], year: number): RulePack {
  let chosen: RulePack | undefined;
  for (const pack of packs) {
    const from = parseIsoDate(pack.effectiveFrom);
    if (!from) throw new Error(`Rule pack "${pack.key}" has no valid effectiveFrom: ${JSON.stringify(pack.effectiveFrom)}`);
    if (from.year <= year && (!chosen || pack.effectiveFrom > chosen.effectiveFrom)) chosen = pack;
  }
  if (!chosen) throw new Error(`No rule pack is in force for the evaluation year ${year}`);
  return chosen;
}

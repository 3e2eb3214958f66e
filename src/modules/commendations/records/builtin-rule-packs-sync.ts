import { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../../common/errors/app-error';
import { BuiltinRulePackFile, readBuiltinRulePackFiles } from '../rules/builtin-rule-packs';
import { RulePackLibraryService } from './rule-pack-library.service';

/**
 * `unchanged`: this file content was applied already; `skip`: an administrator's own pack holds the key;
 * `earlier`: the file went back to the content of an earlier version, which cannot be published again;
 * `same-day`: an administrator's pack takes effect on the file's day, so the file is left out.
 */
export type BuiltinRulePackSyncAction = 'create' | 'publish' | 'unchanged' | 'skip' | 'earlier' | 'same-day';

export interface BuiltinRulePackSyncResult {
  key: string;
  action: BuiltinRulePackSyncAction;
  version: number | null;
}

/**
 * Publishes each built-in pack only when its file changed since it was last applied (`sourceHash`), so running it
 * again changes nothing. An invalid file stops the sync: it is a bug in the build.
 */
export async function syncBuiltinRulePacks(library: RulePackLibraryService, files: BuiltinRulePackFile[] = readBuiltinRulePackFiles()): Promise<BuiltinRulePackSyncResult[]> {
  const results: BuiltinRulePackSyncResult[] = [];
  for (const file of files) {
    const definition = await library.definitionOf(file.key);
    const latest = definition ? await library.latestByKey(file.key) : null;
    if (definition && !definition.builtIn) {
      results.push({ key: file.key, action: 'skip', version: latest?.number ?? null });
      continue;
    }
    if (definition && (definition.sourceHash === file.contentHash || latest?.contentHash === file.contentHash)) {
      if (definition.sourceHash !== file.contentHash) await library.markBuiltInSource(file.key, file.contentHash);
      results.push({ key: file.key, action: 'unchanged', version: latest?.number ?? null });
      continue;
    }
    try {
      const { version } = await library.publish(file.key, file.document, null, { builtIn: true, language: 'en' });
      results.push({ key: file.key, action: definition ? 'publish' : 'create', version: version.number });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'RULE_PACK_INVALID') {
        const problems = (error.details as Array<{ path: string; code: string; message: string }>).map((p) => `${p.path || '(pack)'} ${p.code} ${p.message}`);
        throw new Error(`Built-in rule pack ${file.key} is invalid: ${problems.join('; ')}`);
      }
      if (error.code === 'RULE_PACK_CONTENT_PUBLISHED') results.push({ key: file.key, action: 'earlier', version: Number(error.params.number) });
      else if (error.code === 'RULE_PACK_EFFECTIVE_DATE_TAKEN') {
        results.push({ key: file.key, action: 'same-day', version: latest?.number ?? null });
        continue;
      } else throw error;
    }
    await library.markBuiltInSource(file.key, file.contentHash);
  }
  return results;
}

const DESCRIPTIONS: Record<BuiltinRulePackSyncAction, (version: number | null) => string> = {
  create: (v) => `mới, phiên bản ${v} / new, version ${v}`,
  publish: (v) => `đã thay đổi, phiên bản ${v} / changed, version ${v}`,
  unchanged: (v) => `không đổi (phiên bản ${v}) / unchanged (version ${v})`,
  earlier: (v) => `trùng nội dung phiên bản cũ ${v}, không phát hành lại / same content as earlier version ${v}, not published again`,
  skip: () => 'bỏ qua: khóa do quản trị viên tạo / skipped: the key belongs to an administrator-made pack',
  'same-day': () => 'bỏ qua: trùng ngày áp dụng với bộ do quản trị viên tạo / skipped: an administrator-made pack takes effect on the same day',
};

/** One line per built-in pack, for the CLI. */
export function formatRulePackSyncReport(results: BuiltinRulePackSyncResult[]): string {
  const lines = results.map((r) => `  ${r.key.padEnd(32)} ${DESCRIPTIONS[r.action](r.version)}`);
  return `Bộ quy định thi đua, khen thưởng có sẵn / Built-in rule packs:\n${lines.join('\n') || '  (không có / none)'}\n`;
}

/** For the CLI (`setup`), which runs outside Nest. */
export async function syncBuiltinRulePacksReport(em: EntityManager): Promise<string> {
  return formatRulePackSyncReport(await syncBuiltinRulePacks(new RulePackLibraryService(em)));
}

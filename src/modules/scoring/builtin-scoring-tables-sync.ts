import { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../common/errors/app-error';
import { FormsService } from '../forms/forms.service';
import { ScoringTablesService } from './scoring-tables.service';
import { readBuiltinScoringTables } from './table/builtin-scoring-tables';

/** What the sync needs of a built-in file `scoring/<key>.table.json`. */
export interface BuiltinTableFile {
  key: string;
  document: unknown;
  contentHash: string;
}

/**
 * `unchanged`: this file content was applied already; `skip`: an administrator's own table holds the key;
 * `earlier`: the file went back to the content of an earlier version, which cannot be published again.
 */
export type BuiltinTableSyncAction = 'create' | 'publish' | 'unchanged' | 'skip' | 'earlier';

export interface BuiltinTableSyncResult {
  key: string;
  action: BuiltinTableSyncAction;
  version: number | null;
}

/**
 * Publishes each built-in table (with its sheet form) only when its file changed since it was last applied
 * (`sourceHash`), so running it again changes nothing. An invalid file stops the sync: it is a bug in the build.
 */
export async function syncBuiltinScoringTables(service: ScoringTablesService, files: BuiltinTableFile[] = readBuiltinScoringTables()): Promise<BuiltinTableSyncResult[]> {
  const results: BuiltinTableSyncResult[] = [];
  for (const file of files) {
    const definition = await service.definitionOf(file.key);
    const latest = definition ? await service.latestByKey(file.key) : null;
    if (definition && !definition.builtIn) {
      results.push({ key: file.key, action: 'skip', version: latest?.number ?? null });
      continue;
    }
    if (definition && (definition.sourceHash === file.contentHash || latest?.contentHash === file.contentHash)) {
      if (definition.sourceHash !== file.contentHash) await service.markBuiltInSource(file.key, file.contentHash);
      results.push({ key: file.key, action: 'unchanged', version: latest?.number ?? null });
      continue;
    }
    try {
      const { version } = await service.publish(file.key, file.document, null, { builtIn: true });
      results.push({ key: file.key, action: definition ? 'publish' : 'create', version: version.number });
    } catch (error) {
      if (error instanceof AppError && error.code === 'SCORING_TABLE_CONTENT_PUBLISHED') {
        results.push({ key: file.key, action: 'earlier', version: Number(error.params.number) });
      } else if (error instanceof AppError && error.code === 'SCORING_TABLE_INVALID') {
        const problems = (error.details as Array<{ path: string; code: string; message: string }>).map((p) => `${p.path} ${p.code} ${p.message}`);
        throw new Error(`Built-in scoring table ${file.key} is invalid: ${problems.join('; ')}`);
      } else {
        throw error;
      }
    }
    await service.markBuiltInSource(file.key, file.contentHash);
  }
  return results;
}

const DESCRIPTIONS: Record<BuiltinTableSyncAction, (version: number | null) => string> = {
  create: (v) => `mới, phiên bản ${v} / new, version ${v}`,
  publish: (v) => `đã thay đổi, phiên bản ${v} / changed, version ${v}`,
  unchanged: (v) => `không đổi (phiên bản ${v}) / unchanged (version ${v})`,
  earlier: (v) => `trùng nội dung phiên bản cũ ${v}, không phát hành lại / same content as earlier version ${v}, not published again`,
  skip: () => 'bỏ qua: khóa do quản trị viên tạo / skipped: the key belongs to an administrator-made table',
};

/** One line per built-in table, for the CLI. */
export function formatTableSyncReport(results: BuiltinTableSyncResult[]): string {
  const lines = results.map((r) => `  ${r.key.padEnd(32)} ${DESCRIPTIONS[r.action](r.version)}`);
  return `Bảng chấm điểm có sẵn / Built-in scoring tables:\n${lines.join('\n') || '  (không có / none)'}\n`;
}

/** For the CLI (`setup`, `forms:sync`, `workflows:sync`), which runs outside Nest. */
export async function syncBuiltinScoringTablesReport(em: EntityManager): Promise<string> {
  return formatTableSyncReport(await syncBuiltinScoringTables(new ScoringTablesService(em, new FormsService(em))));
}

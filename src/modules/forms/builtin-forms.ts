import { EntityManager } from '@mikro-orm/core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/errors/app-error';
import { readJsonFolder } from '../../common/files/json-folder';
import { contentHash } from '../../common/hashing/canonical-json';
import { projectRoot } from '../../common/project-root';
import { FormSchema, isPlainObject } from './form-schema';
import { FormState, FormsService } from './forms.service';

const SUFFIX = '.form.json';

/** forms/ at the project root, shipped next to dist rather than copied into it. */
export const builtinFormsDir = () => join(projectRoot(), 'forms');

export interface BuiltinFormFile {
  /** `<domain>/<name>` from `forms/<domain>/<name>.form.json`: the form key. */
  key: string;
  schema: FormSchema;
  contentHash: string;
}

/**
 * `earlier`: the file went back to the content of an earlier version, which cannot be published again.
 * `customised`: the file changed, but an administrator has edited the form since the file was last applied;
 * their version (or pending draft) is kept and the file is not applied.
 */
export type BuiltinFormSyncAction = 'create' | 'publish' | 'unchanged' | 'skip' | 'earlier' | 'customised';

export interface BuiltinFormSyncResult {
  key: string;
  action: BuiltinFormSyncAction;
  /** The version holding the file's content after the sync (for `skip`: the latest of the key, if any). */
  version: number | null;
}

/** Reads every `<domain>/<name>.form.json` of a folder, ordered by key. A file that does not parse stops the read. */
export function readBuiltinForms(dir = builtinFormsDir()): BuiltinFormFile[] {
  if (!existsSync(dir)) return [];
  const files: BuiltinFormFile[] = [];
  for (const domain of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const { key, path, document } of readJsonFolder(join(dir, domain.name), SUFFIX, 'form')) {
      if (!isPlainObject(document)) throw new Error(`Built-in form ${path} is not a JSON object`);
      files.push({ key: `${domain.name}/${key}`, schema: document, contentHash: contentHash(document) });
    }
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What one built-in file needs: a new form; nothing, because this file content was applied already (even
 * if an administrator has since published their own edit of it); a new version because the file changed;
 * nothing because an administrator edited the form after the file was last applied (`customised`); or to
 * be skipped because an administrator's own form holds the key.
 */
export function builtinFormSyncAction(fileHash: string, current: Pick<FormState, 'builtIn' | 'latestHash' | 'sourceHash' | 'draftPending'> | null): BuiltinFormSyncAction {
  if (!current) return 'create';
  if (!current.builtIn) return 'skip';
  if (current.sourceHash === fileHash || current.latestHash === fileHash) return 'unchanged';
  // Rows from before sourceHash was kept count the latest version as the file they came from.
  const applied = current.sourceHash ?? current.latestHash;
  const edited = current.latestHash !== applied || current.draftPending;
  return edited ? 'customised' : 'publish';
}

const nameOf = (file: BuiltinFormFile) => (typeof file.schema.title === 'string' && file.schema.title.trim() ? file.schema.title : file.key);

/**
 * Upserts each built-in file as the draft of its form and publishes it only when its content
 * changed, so running it again changes nothing. An invalid file stops the sync: it is a bug in the build.
 */
export async function syncBuiltinForms(service: FormsService, files = readBuiltinForms()): Promise<BuiltinFormSyncResult[]> {
  for (const file of files) {
    const problems = service.problemsOf(file.schema);
    if (problems.length) throw new Error(`Built-in form ${file.key} is invalid: ${problems.map((p) => `${p.path} ${p.code} ${p.message}`).join('; ')}`);
  }
  const results: BuiltinFormSyncResult[] = [];
  for (const file of files) {
    const current = await service.stateOf(file.key);
    const action = builtinFormSyncAction(file.contentHash, current);
    if (action === 'skip' || action === 'unchanged' || action === 'customised') {
      if (action === 'unchanged' && current!.sourceHash !== file.contentHash) await service.markBuiltInSource(current!.id, file.contentHash);
      results.push({ key: file.key, action, version: current!.latestNumber });
      continue;
    }
    let id = current?.id;
    if (id) await service.replaceBuiltInDraft(id, nameOf(file), file.schema);
    else id = (await service.create({ key: file.key, name: nameOf(file), schema: file.schema }, true)).id;
    results.push(await publishBuiltin(service, id, file.key, action));
    await service.markBuiltInSource(id, file.contentHash);
  }
  return results;
}

async function publishBuiltin(service: FormsService, id: string, key: string, action: BuiltinFormSyncAction): Promise<BuiltinFormSyncResult> {
  try {
    return { key, action, version: (await service.publish(id, null)).version.number };
  } catch (error) {
    // Versions are unique per content: a file put back to an earlier content cannot become a new version.
    if (error instanceof AppError && error.code === 'FORM_CONTENT_PUBLISHED') return { key, action: 'earlier', version: Number(error.params.number) };
    throw error;
  }
}

const DESCRIPTIONS: Record<BuiltinFormSyncAction, (version: number | null) => string> = {
  create: (v) => `mới, phiên bản ${v} / new, version ${v}`,
  publish: (v) => `đã thay đổi, phiên bản ${v} / changed, version ${v}`,
  unchanged: (v) => `không đổi (phiên bản ${v}) / unchanged (version ${v})`,
  earlier: (v) => `trùng nội dung phiên bản cũ ${v}, không phát hành lại / same content as earlier version ${v}, not published again`,
  skip: () => 'bỏ qua: khóa do quản trị viên tạo / skipped: the key belongs to an administrator-made form',
  customised: (v) =>
    `tệp đã thay đổi nhưng quản trị viên đã sửa biểu mẫu (giữ phiên bản ${v}) / file changed but an administrator edited the form (version ${v} kept)`,
};

/** One line per built-in form, for the CLI. */
export function formatFormSyncReport(results: BuiltinFormSyncResult[]): string {
  const lines = results.map((r) => `  ${r.key.padEnd(32)} ${DESCRIPTIONS[r.action](r.version)}`);
  return `Biểu mẫu có sẵn / Built-in forms:\n${lines.join('\n') || '  (không có / none)'}\n`;
}

/** For the CLI (`setup`, `forms:sync`), which runs outside Nest: syncs through its own service and returns the report. */
export async function syncBuiltinFormsReport(em: EntityManager): Promise<string> {
  return formatFormSyncReport(await syncBuiltinForms(new FormsService(em)));
}

import { EntityManager } from '@mikro-orm/core';
import { join } from 'node:path';
import { AppError } from '../../common/errors/app-error';
import { readJsonFolder } from '../../common/files/json-folder';
import { contentHash } from '../../common/hashing/canonical-json';
import { StageRegistry } from '../stages/stage-registry';
import { DefinitionState, WorkflowDefinitionsService } from './workflow-definitions.service';
import type { WorkflowDocument } from './workflow-document';

/** Next to this file both in src (ts-node, jest) and in dist, where nest-cli.json copies the JSON assets. */
export const BUILTIN_WORKFLOWS_DIR = join(__dirname, 'builtin');
const SUFFIX = '.workflow.json';

export interface BuiltinWorkflowFile {
  /** The file name without `.workflow.json`: the definition key. */
  key: string;
  document: WorkflowDocument;
  contentHash: string;
}

/** `earlier`: the file went back to the content of an earlier version, which cannot be published again. */
export type BuiltinSyncAction = 'create' | 'publish' | 'unchanged' | 'skip' | 'earlier';

export interface BuiltinSyncResult {
  key: string;
  action: BuiltinSyncAction;
  /** The version holding the file's content after the sync (for `skip`: the latest of the key, if any). */
  version: number | null;
}

/** Reads every `*.workflow.json` of a folder, in name order. */
export function readBuiltinWorkflows(dir = BUILTIN_WORKFLOWS_DIR): BuiltinWorkflowFile[] {
  return readJsonFolder(dir, SUFFIX, 'workflow').map(({ key, document }) => ({ key, document: document as WorkflowDocument, contentHash: contentHash(document) }));
}

/**
 * What one built-in file needs: a new definition, a new version because its content differs from the
 * latest version, nothing, or to be skipped because an administrator's own definition holds the key.
 */
export function builtinSyncAction(fileHash: string, current: Pick<DefinitionState, 'builtIn' | 'latestHash'> | null): BuiltinSyncAction {
  if (!current) return 'create';
  if (!current.builtIn) return 'skip';
  return current.latestHash === fileHash ? 'unchanged' : 'publish';
}

const nameOf = (file: BuiltinWorkflowFile) => (typeof file.document.name === 'string' ? file.document.name : file.document.name.vi);

/**
 * Upserts each built-in file as the draft of its definition and publishes it only when its content
 * changed, so running it again changes nothing. An invalid file stops the sync: it is a bug in the build.
 */
export async function syncBuiltinWorkflows(service: WorkflowDefinitionsService, files = readBuiltinWorkflows()): Promise<BuiltinSyncResult[]> {
  for (const file of files) {
    const problems = service.problemsOf(file.document);
    if (problems.length) throw new Error(`Built-in workflow ${file.key} is invalid: ${problems.map((p) => `${p.path} ${p.code} ${p.message.en}`).join('; ')}`);
  }
  const results: BuiltinSyncResult[] = [];
  for (const file of files) {
    const current = await service.stateOf(file.key);
    const action = builtinSyncAction(file.contentHash, current);
    if (action === 'skip' || action === 'unchanged') {
      results.push({ key: file.key, action, version: current!.latestNumber });
      continue;
    }
    let id = current?.id;
    if (id) await service.replaceBuiltInDraft(id, nameOf(file), file.document);
    else id = (await service.create({ key: file.key, name: nameOf(file), document: { ...file.document } }, true)).id;
    results.push(await publishBuiltin(service, id, file.key, action));
  }
  return results;
}

async function publishBuiltin(service: WorkflowDefinitionsService, id: string, key: string, action: BuiltinSyncAction): Promise<BuiltinSyncResult> {
  try {
    return { key, action, version: (await service.publish(id, null)).version.number };
  } catch (error) {
    // Versions are unique per content: a file put back to an earlier content cannot become a new version.
    if (error instanceof AppError && error.code === 'WORKFLOW_CONTENT_PUBLISHED') return { key, action: 'earlier', version: Number(error.params.number) };
    throw error;
  }
}

const DESCRIPTIONS: Record<BuiltinSyncAction, (version: number | null) => string> = {
  create: (v) => `mới, phiên bản ${v} / new, version ${v}`,
  publish: (v) => `đã thay đổi, phiên bản ${v} / changed, version ${v}`,
  unchanged: (v) => `không đổi (phiên bản ${v}) / unchanged (version ${v})`,
  earlier: (v) => `trùng nội dung phiên bản cũ ${v}, không phát hành lại / same content as earlier version ${v}, not published again`,
  skip: () => 'bỏ qua: khóa do quản trị viên tạo / skipped: the key belongs to an administrator-made definition',
};

/** One line per built-in workflow, for the CLI. */
export function formatSyncReport(results: BuiltinSyncResult[]): string {
  const lines = results.map((r) => `  ${r.key.padEnd(28)} ${DESCRIPTIONS[r.action](r.version)}`);
  return `Quy trình có sẵn / Built-in workflows:\n${lines.join('\n') || '  (không có / none)'}\n`;
}

/** For the CLI (`setup`, `workflows:sync`), which runs outside Nest: syncs through its own service and returns the report. */
export async function syncBuiltinWorkflowsReport(em: EntityManager): Promise<string> {
  return formatSyncReport(await syncBuiltinWorkflows(new WorkflowDefinitionsService(em, new StageRegistry())));
}

import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import type { Language, Text } from '../../common/i18n/language';
import { StageRegistry } from '../stages/stage-registry';
import { isValidCondition } from './json-logic-rule';
import { StageDefinition, transitionsOf, WorkflowDocument } from './workflow-document';
import { WORKFLOW_DOCUMENT_SCHEMA } from './workflow-document.schema';
import { schemaProblemText } from './schema-problem-text';

/** One problem with a workflow document, located by a JSON path (`$.stages.vote.on.passed`), its message in both languages. */
export interface WorkflowProblem {
  path: string;
  code: string;
  message: Text;
}

/** A problem as a person reads it: the message in their language. */
export type WorkflowProblemInWords = Omit<WorkflowProblem, 'message'> & { message: string };

export const problemsIn = (problems: WorkflowProblem[], language: Language): WorkflowProblemInWords[] =>
  problems.map((problem) => ({ ...problem, message: problem.message[language] }));

const problem = (path: string, code: string, vi: string, en: string): WorkflowProblem => ({ path, code, message: { vi, en } });

// Compiled on first use, not when the app starts: most processes never validate one.
let validateSchema: ValidateFunction | undefined;
const schemaValidator = (): ValidateFunction => (validateSchema ??= new Ajv2020({ allErrors: true, strict: false }).compile(WORKFLOW_DOCUMENT_SCHEMA));

/** Own stages only: a key like `constructor` or `toString` must not find Object.prototype's members. */
const hasStage = (stages: Record<string, StageDefinition>, key: string) => Object.hasOwn(stages, key);

const memberPath = (base: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);

/** `$.stages.review`, or `$.stages["legal-review"]` for a key that is not an identifier. */
export const stagePath = (key: string) => memberPath('$.stages', key);

/** JSON pointer from ajv (`/stages/a/type`) → JSON path (`$.stages.a.type`). */
function toJsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : memberPath(path, part)), '$');
}

function schemaProblems(document: unknown): WorkflowProblem[] {
  const validate = schemaValidator();
  if (validate(document)) return [];
  // `oneOf` reports every failed branch; keep the most specific messages per path.
  const seen = new Set<string>();
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => ({ path: toJsonPath(e.instancePath), code: 'SCHEMA', message: schemaProblemText(e) }))
    .filter((p) => {
      const key = `${p.path} ${p.message.en}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

function stageProblems(key: string, stage: StageDefinition, stages: Record<string, StageDefinition>, registry: StageRegistry): WorkflowProblem[] {
  const base = stagePath(key);
  if (!registry.has(stage.type)) {
    const known = registry.types().join(', ');
    return [problem(`${base}.type`, 'UNKNOWN_STAGE_TYPE', `Không có loại bước "${stage.type}" (các loại có: ${known})`, `unknown stage type "${stage.type}" (known: ${known})`)];
  }
  const handler = registry.get(stage.type);
  const problems: WorkflowProblem[] = handler.validate(stage, { stages }).map((p) => ({ ...p, path: `${base}.${p.path}` }));

  if (handler.hasTasks && !stage.assignees?.length && stage.fanOut !== 'each-member') {
    problems.push(problem(`${base}.assignees`, 'ASSIGNEES_REQUIRED', `Bước loại ${stage.type} cần assignees hoặc fanOut "each-member"`, `a ${stage.type} stage needs assignees or fanOut "each-member"`));
  }
  const outcomes = new Set(handler.outcomes(stage));
  if (stage.onDeadline === 'close') outcomes.add('timeout');
  if (stage.onDeadline && !stage.due) problems.push(problem(`${base}.onDeadline`, 'DUE_REQUIRED', 'Cách xử lý khi quá hạn cần quy tắc thời hạn (due)', 'a deadline policy needs a due rule'));
  if (stage.reminders?.length && !stage.due) problems.push(problem(`${base}.reminders`, 'DUE_REQUIRED', 'Nhắc việc cần quy tắc thời hạn (due)', 'reminders need a due rule'));

  for (const [outcome, entry] of Object.entries(stage.on ?? {})) {
    const path = memberPath(`${base}.on`, outcome);
    if (!outcomes.has(outcome)) {
      const can = [...outcomes].join(', ');
      problems.push(
        problem(path, 'UNKNOWN_OUTCOME', `Bước loại ${stage.type} không bao giờ kết thúc với "${outcome}" (chỉ có: ${can || 'không có'})`, `a ${stage.type} stage never ends with "${outcome}" (it can: ${can || 'none'})`),
      );
    }
    transitionsOf(entry).forEach((t, i) => {
      const tPath = Array.isArray(entry) ? `${path}[${i}]` : path;
      if (!hasStage(stages, t.to)) problems.push(problem(tPath, 'UNKNOWN_TARGET', `Không có bước "${t.to}"`, `no stage "${t.to}"`));
      if (t.when !== undefined && (typeof t.when !== 'object' || !isValidCondition(t.when))) problems.push(problem(`${tPath}.when`, 'INVALID_CONDITION', 'Điều kiện không phải là quy tắc JSONLogic', 'not a JSONLogic rule'));
    });
    const list = transitionsOf(entry);
    if (list.length > 1 && list.slice(0, -1).some((t) => t.when === undefined)) {
      problems.push(problem(path, 'UNREACHABLE_TRANSITION', 'Chỉ chuyển tiếp cuối cùng của danh sách được không có điều kiện', 'only the last transition of a list may have no condition'));
    }
  }
  if (!handler.terminal) {
    for (const outcome of outcomes) {
      if (!stage.on?.[outcome]) problems.push(problem(`${base}.on`, 'OUTCOME_WITHOUT_TARGET', `Kết quả "${outcome}" chưa có bước tiếp theo`, `outcome "${outcome}" has no next stage`));
    }
  }
  return problems;
}

function reachable(document: WorkflowDocument): Set<string> {
  const seen = new Set<string>();
  const queue = [document.start];
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key) || !hasStage(document.stages, key)) continue;
    seen.add(key);
    for (const entry of Object.values(document.stages[key].on ?? {})) for (const t of transitionsOf(entry)) queue.push(t.to);
  }
  return seen;
}

/** Every problem that keeps a workflow document from being published; empty when it can be. */
export function validateWorkflow(document: unknown, registry: StageRegistry): WorkflowProblem[] {
  const schema = schemaProblems(document);
  if (schema.length) return schema;
  const doc = document as WorkflowDocument;
  const problems: WorkflowProblem[] = [];
  if (!hasStage(doc.stages, doc.start)) problems.push(problem('$.start', 'UNKNOWN_START', `Không có bước "${doc.start}"`, `no stage "${doc.start}"`));
  if (doc.startedBy === 'unit' && doc.subject !== 'unit') {
    problems.push(problem('$.startedBy', 'STARTED_BY_UNIT_NEEDS_UNIT_SUBJECT', 'Quy trình do đơn vị tự khởi động phải chạy cho một đơn vị (subject "unit")', 'a workflow units start themselves must run for a unit (subject "unit")'));
  }
  for (const [key, stage] of Object.entries(doc.stages)) problems.push(...stageProblems(key, stage, doc.stages, registry));
  if (hasStage(doc.stages, doc.start)) {
    const seen = reachable(doc);
    for (const key of Object.keys(doc.stages)) {
      if (!seen.has(key)) problems.push(problem(stagePath(key), 'UNREACHABLE_STAGE', `Không thể đi tới bước "${key}" từ "${doc.start}"`, `stage "${key}" cannot be reached from "${doc.start}"`));
    }
    const endReachable = [...seen].some((key) => registry.has(doc.stages[key].type) && registry.get(doc.stages[key].type).terminal);
    if (!endReachable) problems.push(problem('$.stages', 'NO_END', 'Không đi tới được bước kết thúc nào', 'no end stage can be reached'));
  }
  return problems;
}

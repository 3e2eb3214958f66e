import Ajv2020 from 'ajv/dist/2020';
import { StageRegistry } from '../stages/stage-registry';
import { isValidCondition } from './json-logic-rule';
import { StageDefinition, transitionsOf, WorkflowDocument } from './workflow-document';
import { WORKFLOW_DOCUMENT_SCHEMA } from './workflow-document.schema';

/** One problem with a workflow document, located by a JSON path (`$.stages.vote.on.passed`). */
export interface WorkflowProblem {
  path: string;
  code: string;
  message: string;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateSchema = ajv.compile(WORKFLOW_DOCUMENT_SCHEMA);

/** Own stages only: a key like `constructor` or `toString` must not find Object.prototype's members. */
const hasStage = (stages: Record<string, StageDefinition>, key: string) => Object.hasOwn(stages, key);

const memberPath = (base: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);

/** JSON pointer from ajv (`/stages/a/type`) → JSON path (`$.stages.a.type`). */
function toJsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : memberPath(path, part)), '$');
}

function schemaProblems(document: unknown): WorkflowProblem[] {
  if (validateSchema(document)) return [];
  // `oneOf` reports every failed branch; keep the most specific messages per path.
  const seen = new Set<string>();
  return (validateSchema.errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => {
      const extra = e.keyword === 'additionalProperties' ? `: "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
      return { path: toJsonPath(e.instancePath), code: 'SCHEMA', message: `${e.message ?? 'invalid'}${extra}` };
    })
    .filter((p) => {
      const key = `${p.path} ${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

function stageProblems(key: string, stage: StageDefinition, stages: Record<string, StageDefinition>, registry: StageRegistry): WorkflowProblem[] {
  const base = memberPath('$.stages', key);
  if (!registry.has(stage.type)) {
    return [{ path: `${base}.type`, code: 'UNKNOWN_STAGE_TYPE', message: `unknown stage type "${stage.type}" (known: ${registry.types().join(', ')})` }];
  }
  const handler = registry.get(stage.type);
  const problems: WorkflowProblem[] = handler.validate(stage, { stages }).map((p) => ({ ...p, path: `${base}.${p.path}` }));

  if (handler.hasTasks && !stage.assignees?.length && stage.fanOut !== 'each-member') {
    problems.push({ path: `${base}.assignees`, code: 'ASSIGNEES_REQUIRED', message: `a ${stage.type} stage needs assignees or fanOut "each-member"` });
  }
  const outcomes = new Set(handler.outcomes(stage));
  if (stage.onDeadline === 'close') outcomes.add('timeout');
  if (stage.onDeadline && !stage.due) problems.push({ path: `${base}.onDeadline`, code: 'DUE_REQUIRED', message: 'a deadline policy needs a due rule' });
  if (stage.reminders?.length && !stage.due) problems.push({ path: `${base}.reminders`, code: 'DUE_REQUIRED', message: 'reminders need a due rule' });

  for (const [outcome, entry] of Object.entries(stage.on ?? {})) {
    const path = memberPath(`${base}.on`, outcome);
    if (!outcomes.has(outcome)) {
      problems.push({ path, code: 'UNKNOWN_OUTCOME', message: `a ${stage.type} stage never ends with "${outcome}" (it can: ${[...outcomes].join(', ') || 'none'})` });
    }
    transitionsOf(entry).forEach((t, i) => {
      const tPath = Array.isArray(entry) ? `${path}[${i}]` : path;
      if (!hasStage(stages, t.to)) problems.push({ path: tPath, code: 'UNKNOWN_TARGET', message: `no stage "${t.to}"` });
      if (t.when !== undefined && (typeof t.when !== 'object' || !isValidCondition(t.when))) problems.push({ path: `${tPath}.when`, code: 'INVALID_CONDITION', message: 'not a JSONLogic rule' });
    });
    const list = transitionsOf(entry);
    if (list.length > 1 && list.slice(0, -1).some((t) => t.when === undefined)) {
      problems.push({ path, code: 'UNREACHABLE_TRANSITION', message: 'only the last transition of a list may have no condition' });
    }
  }
  if (!handler.terminal) {
    for (const outcome of outcomes) {
      if (!stage.on?.[outcome]) problems.push({ path: `${base}.on`, code: 'OUTCOME_WITHOUT_TARGET', message: `outcome "${outcome}" has no next stage` });
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
  if (!hasStage(doc.stages, doc.start)) problems.push({ path: '$.start', code: 'UNKNOWN_START', message: `no stage "${doc.start}"` });
  for (const [key, stage] of Object.entries(doc.stages)) problems.push(...stageProblems(key, stage, doc.stages, registry));
  if (hasStage(doc.stages, doc.start)) {
    const seen = reachable(doc);
    for (const key of Object.keys(doc.stages)) {
      if (!seen.has(key)) problems.push({ path: memberPath('$.stages', key), code: 'UNREACHABLE_STAGE', message: `stage "${key}" cannot be reached from "${doc.start}"` });
    }
    const endReachable = [...seen].some((key) => registry.has(doc.stages[key].type) && registry.get(doc.stages[key].type).terminal);
    if (!endReachable) problems.push({ path: '$.stages', code: 'NO_END', message: 'no end stage can be reached' });
  }
  return problems;
}

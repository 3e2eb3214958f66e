import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { toHundredths } from './points';
import { GradeThreshold, isLeaf, ScoringBranch, ScoringLeaf, ScoringNode, ScoringTableDocument } from './scoring-table';
import { SCORING_TABLE_SCHEMA } from './scoring-table.schema';
import { commentKeyOf, fieldKeyOf } from './table-text';

/** One problem with a scoring table, at a path like `groups[0].items[2].points` (`''` for the document itself). */
export interface ScoringTableProblem {
  path: string;
  code: string;
  message: string;
}

// Compiled on first use, not when the app starts: most processes never validate one.
let validateSchema: ValidateFunction | undefined;
const schemaValidator = (): ValidateFunction => (validateSchema ??= new Ajv2020({ allErrors: true, strict: false }).compile(SCORING_TABLE_SCHEMA));

/** Groups → criteria → sub-criteria → …: deeper than this is a mistake, and checking it first keeps ajv's recursion shallow. */
export const MAX_TABLE_DEPTH = 6;
/** Letters, digits, dots and dashes, starting with a letter or digit (`I`, `I.2.b`, `II-3`). */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON pointer from ajv (`/groups/0/items/2/points`) → `groups[0].items[2].points`. */
function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

const join = (path: string, member: string) => (path ? `${path}.${member}` : member);

function schemaProblems(document: unknown): ScoringTableProblem[] {
  const validate = schemaValidator();
  if (validate(document)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => {
      const params = e.params as { missingProperty?: string; additionalProperty?: string };
      const path = e.keyword === 'required' ? join(toPath(e.instancePath), params.missingProperty!) : toPath(e.instancePath);
      const extra = e.keyword === 'additionalProperties' ? `: "${params.additionalProperty}"` : '';
      return { path, code: 'SCHEMA', message: `${e.message ?? 'invalid'}${extra}` };
    })
    .filter((p) => {
      const key = `${p.path} ${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

/** Depth of the deepest `items` chain, counted without recursing past the limit. */
function tooDeep(document: unknown): string | null {
  const stack: Array<{ node: unknown; path: string; depth: number }> = [];
  if (isObject(document) && Array.isArray(document.groups)) document.groups.forEach((g, i) => stack.push({ node: g, path: `groups[${i}]`, depth: 1 }));
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (!isObject(node) || !Array.isArray(node.items)) continue;
    if (depth >= MAX_TABLE_DEPTH) return `${path}.items`;
    node.items.forEach((child, i) => stack.push({ node: child, path: `${path}.items[${i}]`, depth: depth + 1 }));
  }
  return null;
}

/** A decimal the table states: at most 2 places, and > 0 when `positive`. */
function decimalProblems(value: number | undefined, path: string, positive: boolean): ScoringTableProblem[] {
  if (value === undefined) return [];
  const parsed = toHundredths(value);
  if (!parsed.ok) return [{ path, code: 'TOO_PRECISE', message: `${value} has more than 2 decimal places` }];
  if (positive && parsed.hundredths <= 0) return [{ path, code: 'NOT_POSITIVE', message: `must be greater than 0 (is ${value})` }];
  return [];
}

/** Method settings: target and exceedCap belong to `proportional` only, and exceedCap must be above the standard. */
function leafProblems(leaf: ScoringLeaf, path: string): ScoringTableProblem[] {
  const problems = [
    ...decimalProblems(leaf.points, `${path}.points`, true),
    ...decimalProblems(leaf.target, `${path}.target`, true),
    ...decimalProblems(leaf.exceedCap, `${path}.exceedCap`, true),
  ];
  for (const setting of ['target', 'exceedCap'] as const) {
    if (leaf[setting] !== undefined && leaf.method !== 'proportional') {
      problems.push({ path: `${path}.${setting}`, code: 'SETTING_NOT_FOR_METHOD', message: `${setting} applies only to the proportional method, not to ${leaf.method}` });
    }
  }
  if (leaf.method === 'proportional' && leaf.exceedCap !== undefined && leaf.exceedCap <= leaf.points) {
    problems.push({ path: `${path}.exceedCap`, code: 'EXCEED_CAP_NOT_ABOVE_POINTS', message: `exceedCap (${leaf.exceedCap}) must be greater than the standard points (${leaf.points})` });
  }
  return problems;
}

/** Codes: their pattern, their uniqueness, and that no two criteria (or a criterion and a comment) share a Form.io key. */
function codeProblems(nodes: Array<{ node: ScoringNode; path: string }>): ScoringTableProblem[] {
  const problems: ScoringTableProblem[] = [];
  const firstPath = new Map<string, string>();
  const unique: Array<{ node: ScoringNode; path: string }> = [];
  for (const { node, path } of nodes) {
    const first = firstPath.get(node.code);
    if (!CODE_PATTERN.test(node.code)) {
      problems.push({ path: `${path}.code`, code: 'CODE_INVALID', message: `code "${node.code}" may hold only letters, digits, "." and "-", starting with a letter or digit` });
    } else if (first !== undefined) {
      problems.push({ path: `${path}.code`, code: 'CODE_DUPLICATE', message: `code "${node.code}" is already used at ${first}` });
    } else {
      firstPath.set(node.code, path);
      unique.push({ node, path });
    }
  }
  const keys = new Map<string, { code: string; path: string }>();
  const keyed: typeof unique = [];
  for (const entry of unique) {
    const key = fieldKeyOf(entry.node.code);
    const holder = keys.get(key);
    if (holder) {
      problems.push({ path: `${entry.path}.code`, code: 'FIELD_KEY_COLLISION', message: `code "${entry.node.code}" gives form field key "${key}", as "${holder.code}" does` });
      continue;
    }
    keys.set(key, { code: entry.node.code, path: entry.path });
    keyed.push(entry);
  }
  // A criterion whose key is another criterion's comment key (`I.1-comment`) is the one at fault, wherever it stands.
  for (const { node } of keyed.filter((entry) => isLeaf(entry.node))) {
    const holder = keys.get(commentKeyOf(node.code));
    if (holder) {
      problems.push({ path: `${holder.path}.code`, code: 'FIELD_KEY_COLLISION', message: `code "${holder.code}" gives form field key "${commentKeyOf(node.code)}", the key of the comment on "${node.code}"` });
    }
  }
  return problems;
}

/** Grades: unique codes, minimums with at most 2 decimals, written from the highest minimum down without repeats. */
function gradeProblems(grades: GradeThreshold[]): ScoringTableProblem[] {
  const problems: ScoringTableProblem[] = [];
  const codes = new Set<string>();
  grades.forEach((grade, i) => {
    const path = `grades[${i}]`;
    if (codes.has(grade.code)) problems.push({ path: `${path}.code`, code: 'GRADE_CODE_DUPLICATE', message: `grade code "${grade.code}" appears twice` });
    codes.add(grade.code);
    problems.push(...decimalProblems(grade.min, `${path}.min`, false));
    if (i > 0 && grade.min >= grades[i - 1].min) {
      problems.push({ path: `${path}.min`, code: 'GRADES_NOT_DESCENDING', message: `min ${grade.min} must be lower than the previous grade's min ${grades[i - 1].min}` });
    }
  });
  return problems;
}

/** Every node with its path, in table order. */
function nodesOf(groups: ScoringBranch[]): Array<{ node: ScoringNode; path: string }> {
  const nodes: Array<{ node: ScoringNode; path: string }> = [];
  const visit = (node: ScoringNode, path: string) => {
    nodes.push({ node, path });
    if (!isLeaf(node)) node.items.forEach((child, i) => visit(child, `${path}.items[${i}]`));
  };
  groups.forEach((group, i) => visit(group, `groups[${i}]`));
  return nodes;
}

/**
 * Every problem that keeps a scoring table from being saved or published; empty when it can be. The shape
 * first (ajv); only a well-shaped document is checked for codes, decimals, method settings, caps and grades.
 */
export function validateScoringTable(document: unknown): ScoringTableProblem[] {
  const deep = tooDeep(document);
  if (deep) return [{ path: deep, code: 'TOO_DEEP', message: `criteria may nest at most ${MAX_TABLE_DEPTH} levels deep` }];
  const schema = schemaProblems(document);
  if (schema.length) return schema;
  const table = document as ScoringTableDocument;
  const nodes = nodesOf(table.groups);
  const problems = codeProblems(nodes);
  for (const { node, path } of nodes) {
    problems.push(...(isLeaf(node) ? leafProblems(node, path) : decimalProblems(node.cap, `${path}.cap`, true)));
  }
  problems.push(...gradeProblems(table.grades));
  return problems;
}

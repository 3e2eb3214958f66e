import { Text } from '../../../common/i18n/language';
import { readFraction } from '../../voting/rules/fraction';
import { parseIsoDate } from './iso-date';
import {
  AWARD_CATEGORIES,
  CAP_ROUNDINGS,
  COLLECTIVE_PREREQUISITE_KINDS,
  DISCIPLINE_LEVELS,
  ELECTORATES,
  EXCLUSION_KINDS,
  INITIATIVE_SCOPES,
  Prerequisite,
  PREREQUISITE_KINDS,
  PrerequisiteKind,
  referencedTitles,
  RulePack,
  SHARE_COMPARISONS,
  TASK_RESULTS,
  TITLE_SUBJECTS,
  TitleSubject,
} from './rule-pack';

/** One problem with a rule pack, at a path like `titles[2].prerequisites[0].title` (`''` for the pack itself). */
export interface RulePackProblem {
  path: string;
  code: string;
  message: Text;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, member: string) => (path ? `${path}.${member}` : member);
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

/** The shape of one field, checked by {@link ShapeChecker.object}. */
type FieldSpec =
  | { type: 'string'; pattern?: RegExp }
  | { type: 'source' }
  | { type: 'text' }
  | { type: 'integer'; min: number; optional?: boolean }
  | { type: 'percent' }
  | { type: 'choice'; values: readonly string[]; optional?: boolean }
  | { type: 'date' }
  | { type: 'fraction' }
  | { type: 'boolean' }
  | { type: 'array'; item: (value: unknown, path: string) => void }
  | { type: 'custom'; check: (value: unknown, path: string) => void; optional?: boolean };

/** Structural checks: every field of every object, its type and range, and no unknown fields. */
class ShapeChecker {
  readonly problems: RulePackProblem[] = [];

  private add(path: string, code: string, vi: string, en: string) {
    this.problems.push({ path, code, message: { vi, en } });
  }

  object(value: unknown, path: string, fields: Record<string, FieldSpec>): value is Record<string, unknown> {
    if (!isObject(value)) {
      this.add(path, 'NOT_AN_OBJECT', `cần một đối tượng, nhận được ${show(value)}`, `expected an object, got ${show(value)}`);
      return false;
    }
    for (const key of Object.keys(value).filter((key) => !(key in fields))) {
      this.add(join(path, key), 'UNKNOWN_FIELD', `trường không được biết "${key}"`, `unknown field "${key}"`);
    }
    for (const [field, spec] of Object.entries(fields)) this.field(value[field], join(path, field), spec);
    return true;
  }

  private field(value: unknown, path: string, spec: FieldSpec) {
    if (value === undefined) {
      if (spec.type === 'source') this.add(path, 'SOURCE_MISSING', 'thiếu căn cứ (văn bản quy định)', 'the source (regulation) is missing');
      else if (!('optional' in spec && spec.optional)) this.add(path, 'REQUIRED', 'trường bắt buộc', 'a value is required');
      return;
    }
    switch (spec.type) {
      case 'string':
        if (typeof value !== 'string' || value.trim() === '') this.add(path, 'NOT_A_STRING', `cần một chuỗi không rỗng, nhận được ${show(value)}`, `expected a non-empty string, got ${show(value)}`);
        else if (spec.pattern && !spec.pattern.test(value)) this.add(path, 'INVALID_CODE', `"${value}" không đúng mẫu ${spec.pattern.source}`, `"${value}" does not match ${spec.pattern.source}`);
        return;
      case 'source':
        if (typeof value !== 'string' || value.trim() === '') this.add(path, 'SOURCE_MISSING', 'thiếu căn cứ (văn bản quy định)', 'the source (regulation) is missing');
        return;
      case 'text':
        if (!isObject(value) || typeof value.vi !== 'string' || typeof value.en !== 'string' || !value.vi.trim() || !value.en.trim() || Object.keys(value).length !== 2) {
          this.add(path, 'NOT_A_TEXT', 'cần { vi, en } với hai chuỗi không rỗng', 'expected { vi, en } with two non-empty strings');
        }
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.add(path, 'NOT_AN_INTEGER', `cần một số nguyên, nhận được ${show(value)}`, `expected an integer, got ${show(value)}`);
        else if (value < spec.min) this.add(path, 'OUT_OF_RANGE', `phải từ ${spec.min} trở lên, nhận được ${value}`, `must be at least ${spec.min}, got ${value}`);
        return;
      case 'percent':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.add(path, 'NOT_AN_INTEGER', `tỷ lệ phần trăm phải là số nguyên, nhận được ${show(value)}`, `a percent must be an integer, got ${show(value)}`);
        else if (value < 0 || value > 100) this.add(path, 'PERCENT_OUT_OF_RANGE', `tỷ lệ phần trăm phải từ 0 đến 100, nhận được ${value}`, `a percent must lie between 0 and 100, got ${value}`);
        return;
      case 'choice':
        if (typeof value !== 'string' || !spec.values.includes(value)) {
          const allowed = spec.values.map((v) => `"${v}"`).join(', ');
          this.add(path, 'UNKNOWN_VALUE', `cần một trong ${allowed}, nhận được ${show(value)}`, `expected one of ${allowed}, got ${show(value)}`);
        }
        return;
      case 'date':
        if (!parseIsoDate(value)) this.add(path, 'NOT_A_DATE', `cần một ngày YYYY-MM-DD, nhận được ${show(value)}`, `expected a date YYYY-MM-DD, got ${show(value)}`);
        return;
      case 'fraction': {
        if (!isObject(value)) {
          this.add(path, 'NOT_A_FRACTION', 'cần { numerator, denominator }', 'expected { numerator, denominator }');
          return;
        }
        for (const problem of readFraction(value, '$').problems) {
          const at = problem.path === '$' ? path : join(path, problem.path.slice(2));
          this.add(at, problem.code, `ngưỡng không hợp lệ: ${problem.message}`, problem.message);
        }
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') this.add(path, 'NOT_A_BOOLEAN', `cần true hoặc false, nhận được ${show(value)}`, `expected true or false, got ${show(value)}`);
        return;
      case 'array':
        if (!Array.isArray(value)) this.add(path, 'NOT_AN_ARRAY', `cần một danh sách, nhận được ${show(value)}`, `expected an array, got ${show(value)}`);
        else value.forEach((item, i) => spec.item(item, `${path}[${i}]`));
        return;
      case 'custom':
        spec.check(value, path);
        return;
    }
  }

  /** A union member: `kind` first, then the fields of that kind. */
  variant(value: unknown, path: string, kinds: readonly string[], fieldsOf: (kind: string) => Record<string, FieldSpec>) {
    if (!isObject(value)) {
      this.object(value, path, {});
      return;
    }
    if (typeof value.kind !== 'string' || !kinds.includes(value.kind)) {
      const allowed = kinds.map((k) => `"${k}"`).join(', ');
      this.add(join(path, 'kind'), 'UNKNOWN_KIND', `cần một trong ${allowed}, nhận được ${show(value.kind)}`, `expected one of ${allowed}, got ${show(value.kind)}`);
      return;
    }
    this.object(value, path, { kind: { type: 'string' }, ...fieldsOf(value.kind) });
  }

  prerequisite = (value: unknown, path: string): void => this.variant(value, path, PREREQUISITE_KINDS, (kind) => ({ ...RULE_FIELDS, ...this.prerequisiteFields(kind as PrerequisiteKind) }));

  private prerequisiteFields(kind: PrerequisiteKind): Record<string, FieldSpec> {
    switch (kind) {
      case 'same-year-title':
        return { title: { type: 'string' } };
      case 'consecutive-years':
        return { title: { type: 'string' }, years: { type: 'integer', min: 1 }, intervalYears: { type: 'integer', min: 1, optional: true } };
      case 'initiative':
        return { minimumScope: { type: 'choice', values: INITIATIVE_SCOPES }, withinYears: { type: 'integer', min: 1 } };
      case 'excellent-results':
        return { minimum: { type: 'choice', values: TASK_RESULTS, optional: true } };
      case 'vote-share':
        return { electorate: { type: 'choice', values: ELECTORATES }, threshold: { type: 'fraction' }, comparison: { type: 'choice', values: SHARE_COMPARISONS } };
      case 'members-holding':
        return { title: { type: 'string' }, percent: { type: 'percent' } };
      case 'at-least-members-holding':
        return { title: { type: 'string' }, count: { type: 'integer', min: 1 } };
      case 'all-members-completed':
        return {};
      case 'any-of':
        return {
          anyOf: {
            type: 'custom',
            check: (value, path) => {
              if (Array.isArray(value) && value.length < 2) this.add(path, 'TOO_FEW_ALTERNATIVES', 'cần ít nhất hai phương án', 'at least two alternatives are needed');
              this.field(value, path, { type: 'array', item: this.prerequisite });
            },
          },
        };
    }
  }

  title = (value: unknown, path: string): void => {
    this.object(value, path, {
      code: { type: 'string', pattern: CODE_PATTERN },
      name: { type: 'text' },
      shortName: { type: 'text' },
      subject: { type: 'choice', values: TITLE_SUBJECTS },
      kind: { type: 'choice', values: AWARD_CATEGORIES, optional: true },
      prerequisites: { type: 'array', item: this.prerequisite },
      publicConsultation: {
        type: 'custom',
        optional: true,
        check: (consultation, consultationPath) => this.object(consultation, consultationPath, { workingDays: { type: 'integer', min: 1 }, source: { type: 'source' } }),
      },
    });
  };

  cap = (value: unknown, path: string): void => {
    this.object(value, path, {
      ...RULE_FIELDS,
      title: { type: 'string' },
      base: {
        type: 'custom',
        check: (base, basePath) => {
          if (base !== 'headcount') this.object(base, basePath, { title: { type: 'string' } });
        },
      },
      percent: { type: 'percent' },
      rounding: { type: 'choice', values: CAP_ROUNDINGS },
    });
  };

  exclusion = (value: unknown, path: string): void => {
    const titles: FieldSpec = { type: 'array', item: (item, itemPath) => this.field(item, itemPath, { type: 'string' }) };
    this.variant(value, path, EXCLUSION_KINDS, (kind) => {
      if (kind === 'recruited-under-months') return { ...RULE_FIELDS, titles, months: { type: 'integer', min: 1 } };
      if (kind === 'absent-months') return { ...RULE_FIELDS, titles, fromMonths: { type: 'integer', min: 1 }, underMonths: { type: 'integer', min: 1, optional: true } };
      return { ...RULE_FIELDS, titles, level: { type: 'choice', values: DISCIPLINE_LEVELS } };
    });
  };

  pack(value: unknown) {
    this.object(value, '', {
      key: { type: 'string', pattern: KEY_PATTERN },
      name: { type: 'text' },
      effectiveFrom: { type: 'date' },
      titles: { type: 'array', item: this.title },
      caps: { type: 'array', item: this.cap },
      exclusions: { type: 'array', item: this.exclusion },
      nominationVote: {
        type: 'custom',
        check: (vote, path) =>
          this.object(vote, path, {
            secret: { type: 'boolean' },
            threshold: { type: 'fraction' },
            comparison: { type: 'choice', values: SHARE_COMPARISONS },
            electorate: { type: 'choice', values: ELECTORATES },
            source: { type: 'source' },
          }),
      },
    });
  }
}

const RULE_FIELDS: Record<string, FieldSpec> = { id: { type: 'string' }, source: { type: 'source' } };

/** Every prerequisite of the pack with its path, alternatives of `any-of` included, with the title that owns it. */
function prerequisitesOf(pack: RulePack): Array<{ owner: number; top: number; prerequisite: Prerequisite; path: string }> {
  const found: Array<{ owner: number; top: number; prerequisite: Prerequisite; path: string }> = [];
  const visit = (owner: number, top: number, prerequisite: Prerequisite, path: string) => {
    found.push({ owner, top, prerequisite, path });
    if (prerequisite.kind === 'any-of') prerequisite.anyOf.forEach((child, i) => visit(owner, top, child, `${path}.anyOf[${i}]`));
  };
  pack.titles.forEach((title, t) => title.prerequisites.forEach((prerequisite, p) => visit(t, p, prerequisite, `titles[${t}].prerequisites[${p}]`)));
  return found;
}

const SUBJECT_TEXT: Record<TitleSubject, Text> = { person: { vi: 'cá nhân', en: 'individual' }, unit: { vi: 'tập thể', en: 'collective' } };

/** Checks on a well-shaped pack: unique codes and ids, known titles, subjects that fit, no cycle in the ladder. */
function meaningProblems(pack: RulePack): RulePackProblem[] {
  const problems: RulePackProblem[] = [];
  const add = (path: string, code: string, vi: string, en: string) => problems.push({ path, code, message: { vi, en } });

  const subjects = new Map<string, TitleSubject>();
  pack.titles.forEach((title, i) => {
    if (subjects.has(title.code)) add(`titles[${i}].code`, 'DUPLICATE_TITLE', `mã danh hiệu "${title.code}" bị trùng`, `title code "${title.code}" appears twice`);
    else subjects.set(title.code, title.subject);
  });

  /** Checks a referenced title exists and, when `subject` is given, that it is awarded to that subject. */
  const reference = (code: string, path: string, subject?: TitleSubject) => {
    const actual = subjects.get(code);
    if (actual === undefined) add(path, 'UNKNOWN_TITLE', `danh hiệu "${code}" không có trong bộ quy tắc`, `title "${code}" is not defined in the pack`);
    else if (subject && actual !== subject) {
      add(path, 'SUBJECT_MISMATCH', `danh hiệu "${code}" là danh hiệu ${SUBJECT_TEXT[actual].vi}, cần danh hiệu ${SUBJECT_TEXT[subject].vi}`, `title "${code}" is ${SUBJECT_TEXT[actual].en}, ${SUBJECT_TEXT[subject].en} expected`);
    }
  };

  const ids = new Map<string, string>();
  const ruleId = (id: string, path: string) => {
    const first = ids.get(id);
    if (first !== undefined) add(`${path}.id`, 'DUPLICATE_RULE_ID', `mã quy tắc "${id}" đã dùng tại ${first}`, `rule id "${id}" is already used at ${first}`);
    else ids.set(id, path);
  };

  const prerequisites = prerequisitesOf(pack);
  for (const { owner, prerequisite, path } of prerequisites) {
    const title = pack.titles[owner];
    ruleId(prerequisite.id, path);
    if (COLLECTIVE_PREREQUISITE_KINDS.includes(prerequisite.kind) && title.subject !== 'unit') {
      add(path, 'SUBJECT_MISMATCH', `điều kiện "${prerequisite.kind}" chỉ dùng cho danh hiệu tập thể`, `prerequisite "${prerequisite.kind}" applies to collective titles only`);
    }
    if (prerequisite.kind === 'same-year-title' || prerequisite.kind === 'consecutive-years') reference(prerequisite.title, `${path}.title`, title.subject);
    if (prerequisite.kind === 'members-holding' || prerequisite.kind === 'at-least-members-holding') reference(prerequisite.title, `${path}.title`, 'person');
  }
  pack.caps.forEach((cap, i) => {
    const path = `caps[${i}]`;
    ruleId(cap.id, path);
    reference(cap.title, `${path}.title`);
    if (cap.base !== 'headcount') reference(cap.base.title, `${path}.base.title`, subjects.get(cap.title));
  });
  pack.exclusions.forEach((exclusion, i) => {
    const path = `exclusions[${i}]`;
    ruleId(exclusion.id, path);
    exclusion.titles.forEach((code, k) => reference(code, `${path}.titles[${k}]`, 'person'));
    if (exclusion.kind === 'absent-months' && exclusion.underMonths !== undefined && exclusion.underMonths <= exclusion.fromMonths) {
      add(`${path}.underMonths`, 'RANGE_EMPTY', `"dưới ${exclusion.underMonths} tháng" phải lớn hơn "từ ${exclusion.fromMonths} tháng"`, `underMonths (${exclusion.underMonths}) must be greater than fromMonths (${exclusion.fromMonths})`);
    }
  });

  problems.push(...cycleProblems(pack, prerequisites, subjects));
  return problems;
}

/**
 * A title that requires itself through its prerequisites (CSTĐCS → LĐTT → CSTĐCS) can never be awarded: one
 * problem per cycle, at the prerequisite that closes it, naming the whole chain.
 */
function cycleProblems(pack: RulePack, prerequisites: ReturnType<typeof prerequisitesOf>, known: Map<string, TitleSubject>): RulePackProblem[] {
  const edges = new Map<string, Array<{ to: string; path: string }>>();
  // A duplicated code is reported as such; only its first definition takes part in the ladder.
  const first = new Map<string, number>();
  pack.titles.forEach((title, i) => first.set(title.code, first.get(title.code) ?? i));
  for (const { owner, top, prerequisite } of prerequisites) {
    const from = pack.titles[owner].code;
    if (first.get(from) !== owner) continue;
    for (const to of referencedTitles(prerequisite).filter((code) => known.has(code))) {
      const list = edges.get(from) ?? [];
      if (!list.some((edge) => edge.to === to)) list.push({ to, path: `titles[${owner}].prerequisites[${top}]` });
      edges.set(from, list);
    }
  }
  const problems: RulePackProblem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (code: string) => {
    state.set(code, 'visiting');
    stack.push(code);
    for (const edge of edges.get(code) ?? []) {
      if (state.get(edge.to) === 'visiting') {
        const chain = [...stack.slice(stack.indexOf(edge.to)), edge.to].join(' → ');
        problems.push({ path: edge.path, code: 'TITLE_CYCLE', message: { vi: `danh hiệu tự đòi hỏi chính nó: ${chain}`, en: `a title requires itself: ${chain}` } });
      } else if (!state.has(edge.to)) visit(edge.to);
    }
    stack.pop();
    state.set(code, 'done');
  };
  for (const title of pack.titles) if (!state.has(title.code)) visit(title.code);
  return problems;
}

/**
 * Every problem that keeps a rule pack from being used; empty when it can be. The shape first (types, ranges,
 * unknown fields, missing sources, fractions); only a well-shaped pack is checked for duplicate codes and rule ids,
 * unknown titles, subjects that do not fit and cycles in the ladder.
 */
export function validateRulePack(input: unknown): RulePackProblem[] {
  const shape = new ShapeChecker();
  shape.pack(input);
  if (shape.problems.length) return shape.problems;
  return meaningProblems(input as RulePack);
}

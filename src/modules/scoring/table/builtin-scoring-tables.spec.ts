import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../../common/hashing/canonical-json';
import { formStructureProblems } from '../../forms/form-structure';
import { FormDefinition } from '../../forms/validation/form-validation.types';
import { FormValidator } from '../../forms/validation/form-validator';
import { readBuiltinScoringTables } from './builtin-scoring-tables';
import { scoreSheet } from './score-sheet';
import { isLeaf, ScoringNode, ScoringTableDocument, SheetEntry } from './scoring-table';
import { entriesFromFormData, scoringTableForm } from './table-form';
import { fieldKeyOf, leavesOf } from './table-text';
import { validateScoringTable } from './validate-scoring-table';

describe('readBuiltinScoringTables', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thidua-scoring-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads <key>.table.json files in key order with their content hash, and nothing else', () => {
    writeFileSync(join(dir, 'b-table.table.json'), '{"name":"B"}');
    writeFileSync(join(dir, 'a-table.table.json'), '{"name":"A"}');
    writeFileSync(join(dir, 'notes.json'), '{}');
    mkdirSync(join(dir, 'folder.table.json.d'));
    expect(readBuiltinScoringTables(dir)).toEqual([
      { key: 'a-table', document: { name: 'A' }, contentHash: contentHash({ name: 'A' }) },
      { key: 'b-table', document: { name: 'B' }, contentHash: contentHash({ name: 'B' }) },
    ]);
  });

  it('has no tables without the folder', () => {
    expect(readBuiltinScoringTables(join(dir, 'missing'))).toEqual([]);
  });

  it.each([
    ['{ not json', 'is not valid JSON'],
    ['[1, 2]', 'is not a JSON object'],
    ['null', 'is not a JSON object'],
  ])('stops on a file holding %p', (content, message) => {
    writeFileSync(join(dir, 'broken.table.json'), content);
    expect(() => readBuiltinScoringTables(dir)).toThrow(message);
  });
});

describe('the built-in table procuracy-cluster-2020', () => {
  const files = readBuiltinScoringTables();
  const file = files.find((f) => f.key === 'procuracy-cluster-2020')!;
  const table = file.document as unknown as ScoringTableDocument;
  const leaves = leavesOf(table);

  it('is shipped under its file name and is valid', () => {
    expect(files.map((f) => f.key)).toContain('procuracy-cluster-2020');
    expect(validateScoringTable(table)).toEqual([]);
    expect(table.source).toContain('QĐ 424/QĐ-VKSTC');
  });

  it('has about 40 criteria in 4 groups, uses every method and asks for evidence on some', () => {
    expect(table.groups.map((g) => [g.code, g.cap ?? null])).toEqual([
      ['I', 70],
      ['II', 30],
      ['III', 5],
      ['IV', null],
    ]);
    expect(leaves.length).toBeGreaterThanOrEqual(36);
    expect(leaves.length).toBeLessThanOrEqual(44);
    expect(new Set(leaves.map((l) => l.method))).toEqual(new Set(['full', 'binary', 'proportional', 'bonus', 'penalty']));
    expect(leaves.some((l) => l.method === 'proportional' && l.target === undefined)).toBe(true);
    expect(leaves.some((l) => l.exceedCap !== undefined)).toBe(true);
    expect(leaves.filter((l) => l.evidence === 'required').length).toBeGreaterThanOrEqual(3);
  });

  it('has every text in Vietnamese and English', () => {
    const texts: unknown[] = [table.name, ...table.grades.map((g) => g.label)];
    const visit = (node: ScoringNode) => {
      texts.push(node.text);
      if (!isLeaf(node)) node.items.forEach(visit);
      else if (node.hint) texts.push(node.hint);
    };
    table.groups.forEach(visit);
    for (const text of texts) expect(text).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });

  it('grades as the Procuracy does: Xuất sắc ≥ 95, Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, Yếu below', () => {
    expect(table.grades.map((g) => [g.code, g.min])).toEqual([
      ['xuat-sac', 95],
      ['tot', 85],
      ['kha', 70],
      ['trung-binh', 50],
      ['yeu', 0],
    ]);
  });

  /** Every criterion fully met, every bonus at its limit, no penalty. */
  const perfect = (): SheetEntry[] =>
    leaves.map((leaf): SheetEntry => {
      if (leaf.method === 'binary') return { code: leaf.code, value: true };
      if (leaf.method === 'penalty') return { code: leaf.code, value: 0 };
      if (leaf.method === 'proportional') return leaf.target === undefined ? { code: leaf.code, achieved: 10, target: 10 } : { code: leaf.code, achieved: leaf.target };
      return { code: leaf.code, value: leaf.points };
    });

  it('scores a perfect sheet 70 + 30 + 5 = 105 (the caps bound groups I and III)', () => {
    const result = scoreSheet(table, perfect());
    expect(result.problems).toEqual([]);
    expect(result.branches.filter((b) => ['I', 'II', 'III', 'IV'].includes(b.code))).toEqual([
      { code: 'I', raw: 7000, capped: 7000 },
      { code: 'II', raw: 3000, capped: 3000 },
      { code: 'III', raw: 650, capped: 500 },
      { code: 'IV', raw: 0, capped: 0 },
    ]);
    expect(result.total).toBe(10500);
  });

  it('makes a sheet form that the form store accepts and the server validator passes', () => {
    const form = scoringTableForm(table, file.key);
    expect(formStructureProblems(form)).toEqual([]);
    const data: Record<string, unknown> = {};
    for (const entry of perfect()) {
      data[fieldKeyOf(entry.code)] = entry.value ?? { achieved: entry.achieved, ...(entry.target !== undefined ? { target: entry.target } : {}) };
    }
    const validated = new FormValidator().validate(form as FormDefinition, data);
    expect(validated.errors).toEqual([]);
    expect(scoreSheet(table, entriesFromFormData(table, validated.data)).total).toBe(10500);
  });
});

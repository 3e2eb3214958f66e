import { walkComponents } from '../../forms/form-schema';
import { formStructureProblems } from '../../forms/form-structure';
import { FormDefinition } from '../../forms/validation/form-validation.types';
import { FormValidator } from '../../forms/validation/form-validator';
import { scoreSheet } from './score-sheet';
import { entriesFromFormData, formDataFromEntries, scoringTableForm } from './table-form';
import { sampleScoringTable } from './testing/sample-scoring-table';

const table = sampleScoringTable();
const form = scoringTableForm(table, 'sample-2020');
const validator = new FormValidator();

/** Form data of a complete, valid sheet; `changes` override fields. */
const validData = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  c_I_1: 9,
  c_I_1_comment: 'Theo báo cáo số 12',
  c_I_2_a: { achieved: 18 },
  c_I_2_b: { achieved: 25, target: 20 },
  c_I_3: true,
  c_III_1: 2.5,
  c_III_2: 0,
  c_IV_1: 1.5,
  c_IV_2: 0,
  ...changes,
});

const componentByKey = (key: string) => walkComponents(form.components).find((visit) => visit.component.key === key)!.component;

describe('scoringTableForm', () => {
  it('is a well-formed Form.io form that the form store would publish', () => {
    expect(form).toMatchObject({ display: 'form', path: 'scoring/sample-2020', title: 'Phiếu chấm điểm: Bảng mẫu' });
    expect(formStructureProblems(form)).toEqual([]);
  });

  it('has a panel per group and a fieldset per branch, in table order', () => {
    const layout = walkComponents(form.components)
      .filter(({ component }) => component.type === 'panel' || component.type === 'fieldset')
      .map(({ component }) => `${String(component.type)} ${String(component.key)} ${String(component.title ?? component.legend)}`);
    expect(layout).toEqual([
      'panel g_I I. Công tác chuyên môn (tối đa 20,00 điểm)',
      'fieldset g_I_2 I.2. Chỉ tiêu (tối đa 14,00 điểm)',
      'panel g_III III. Điểm thưởng (tối đa 4,00 điểm)',
      'panel g_IV IV. Điểm trừ',
    ]);
  });

  it('makes a field per leaf: numbers with limits, a checkbox, containers for proportional criteria, and comments', () => {
    expect(componentByKey('c_I_1')).toMatchObject({
      type: 'number',
      label: 'I.1. Giải quyết án (10,00 điểm)',
      description: 'Chấm theo báo cáo',
      decimalLimit: 2,
      validate: { required: true, min: 0, max: 10 },
      properties: { scoringCode: 'I.1', scoringMethod: 'full', evidence: 'optional' },
    });
    expect(componentByKey('c_III_1')).toMatchObject({ type: 'number', label: 'III.1. Sáng kiến (thưởng tối đa 3,00 điểm)', defaultValue: 0, validate: { required: false, min: 0, max: 3 } });
    expect(componentByKey('c_IV_1')).toMatchObject({ type: 'number', label: 'IV.1. Cán bộ bị kỷ luật (trừ tối đa 5,00 điểm)', defaultValue: 0, validate: { required: false, max: 5 } });
    expect(componentByKey('c_I_3')).toMatchObject({ type: 'checkbox', label: 'I.3. Báo cáo đúng hạn (2,00 điểm)', properties: { evidence: 'required' } });
    // The table fixes I.2.a's target: only the achieved quantity is asked.
    expect(componentByKey('c_I_2_a')).toMatchObject({ type: 'container', description: 'Điểm = kết quả đạt được / chỉ tiêu 20 × 10,00, làm tròn nửa lên đến 0,01' });
    expect((componentByKey('c_I_2_a').components as Array<{ key: string }>).map((c) => c.key)).toEqual(['achieved']);
    expect(componentByKey('c_I_2_b')).toMatchObject({ label: 'I.2.b. Kháng nghị (5,00 điểm, tối đa 6,00 khi vượt chỉ tiêu)' });
    expect((componentByKey('c_I_2_b').components as Array<{ key: string }>).map((c) => c.key)).toEqual(['achieved', 'target']);
    expect(componentByKey('c_I_2_b_comment')).toMatchObject({ type: 'textarea', validate: { required: false } });
  });
});

describe('the generated form under the server validator', () => {
  it('accepts a valid sheet and keeps its values', () => {
    const result = validator.validate(form as FormDefinition, validData());
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ c_I_1: 9, c_I_2_b: { achieved: 25, target: 20 }, c_I_3: true, c_IV_1: 1.5 });
  });

  it('refuses an above-standard value at the field of the criterion', () => {
    const result = validator.validate(form as FormDefinition, validData({ c_I_1: 10.5, c_III_1: 4 }));
    expect(result.errors.map((e) => `${e.path}:${e.validator}`)).toEqual(['c_I_1:max', 'c_III_1:max']);
  });

  it('refuses a missing required score and a negative quantity inside a proportional criterion', () => {
    const result = validator.validate(form as FormDefinition, validData({ c_I_1: undefined, c_I_2_b: { achieved: -1, target: 20 } }));
    expect(result.errors.map((e) => `${e.path}:${e.validator}`).sort()).toEqual(['c_I_1:required', 'c_I_2_b.achieved:min']);
  });

  it('gives the same paths as scoreSheet for the same mistake', () => {
    const data = validData({ c_I_1: 10.5 });
    const formPaths = validator.validate(form as FormDefinition, data).errors.map((e) => e.path);
    const sheetPaths = scoreSheet(table, entriesFromFormData(table, data)).problems.map((p) => p.path);
    expect(sheetPaths).toEqual(formPaths);
  });
});

describe('entriesFromFormData and back', () => {
  it('turns the validated data into entries that score without problems', () => {
    const { data } = validator.validate(form as FormDefinition, validData());
    const entries = entriesFromFormData(table, data);
    expect(entries).toEqual([
      { code: 'I.1', value: 9, comment: 'Theo báo cáo số 12' },
      { code: 'I.2.a', achieved: 18 },
      { code: 'I.2.b', achieved: 25, target: 20 },
      { code: 'I.3', value: true },
      { code: 'III.1', value: 2.5 },
      { code: 'III.2', value: 0 },
      { code: 'IV.1', value: 1.5 },
      { code: 'IV.2', value: 0 },
    ]);
    // I 20 (capped) + III 2.5 (III.2 is 0 here) − IV 1.5.
    expect(scoreSheet(table, entries)).toMatchObject({ problems: [], total: 2000 + 250 - 150 });
  });

  it('gives no entry for empty fields, ignores a target the table fixes and blank comments', () => {
    const entries = entriesFromFormData(table, { c_I_1: '', c_I_1_comment: '  ', c_I_2_a: { achieved: 3, target: 99 }, c_I_2_b: {}, c_I_3: null, unknown: 5 });
    expect(entries).toEqual([{ code: 'I.2.a', achieved: 3 }]);
  });

  it('passes values on unjudged, so that scoreSheet names what is wrong', () => {
    const entries = entriesFromFormData(table, validData({ c_I_1: 'nine' }));
    expect(scoreSheet(table, entries).problems).toMatchObject([{ path: 'c_I_1', code: 'SCORE_NOT_A_NUMBER' }]);
  });

  it('formDataFromEntries is its inverse', () => {
    const data = validData();
    expect(formDataFromEntries(table, entriesFromFormData(table, data))).toEqual(data);
  });
});

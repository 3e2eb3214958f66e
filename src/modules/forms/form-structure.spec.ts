import { formStructureProblems } from './form-structure';

const field = (key: unknown, extra: Record<string, unknown> = {}) => ({ type: 'textfield', key, label: 'Trường', input: true, ...extra });
const found = (schema: unknown) => formStructureProblems(schema).map((p) => `${p.code} ${p.path}`);

describe('formStructureProblems', () => {
  it('accepts a valid form, with layout components without keys and the same key inside and outside a grid', () => {
    const schema = {
      components: [
        { type: 'panel', title: 'Nhóm', components: [field('name')] },
        { type: 'columns', columns: [{ components: [field('year')] }, { components: [field('note', { type: 'textarea', rows: 3 })] }] },
        { type: 'datagrid', key: 'rows', input: true, components: [field('name')] },
        { type: 'container', key: 'extra', input: true, components: [field('name')] },
      ],
    };
    expect(found(schema)).toEqual([]);
  });

  it('refuses what is not a form', () => {
    expect(found([1])).toEqual(['NOT_OBJECT $']);
    expect(found({})).toEqual(['COMPONENTS_MISSING $.components']);
    expect(found({ components: {} })).toEqual(['COMPONENTS_NOT_ARRAY $.components']);
    expect(found({ components: [] })).toEqual(['COMPONENTS_EMPTY $.components']);
    expect(found({ components: [5, { type: 'panel', components: 'x' }] })).toEqual(['COMPONENT_NOT_OBJECT $.components[0]', 'COMPONENTS_NOT_ARRAY $.components[1].components']);
  });

  it('names missing, invalid and duplicate keys, scoped to their data grid', () => {
    const schema = {
      components: [
        field(undefined),
        field('2nd'),
        field('a-b'),
        field('name'),
        { type: 'panel', components: [field('name')] },
        { type: 'datagrid', key: 'rows', input: true, components: [field('title'), field('title')] },
      ],
    };
    expect(found(schema)).toEqual([
      'KEY_MISSING $.components[0].key',
      'KEY_INVALID $.components[1].key',
      'KEY_INVALID $.components[2].key',
      'KEY_DUPLICATE $.components[4].components[0].key',
      'KEY_DUPLICATE $.components[5].components[1].key',
    ]);
  });

  it('refuses custom JavaScript unless the form allows scripts, but not JSONLogic', () => {
    const components = [
      field('a', { validate: { custom: 'valid = true;' } }),
      field('b', { customConditional: 'show = true;', calculateValue: 'value = 1;', customDefaultValue: 'value = 2;' }),
      field('c', { calculateValue: { '+': [1, 2] }, conditional: { json: { '==': [1, 1] } } }),
    ];
    expect(found({ components })).toEqual([
      'SCRIPT_NOT_ALLOWED $.components[0].validate.custom',
      'SCRIPT_NOT_ALLOWED $.components[1].customConditional',
      'SCRIPT_NOT_ALLOWED $.components[1].calculateValue',
      'SCRIPT_NOT_ALLOWED $.components[1].customDefaultValue',
    ]);
    expect(found({ components, settings: { allowScripts: true } })).toEqual([]);
  });
});

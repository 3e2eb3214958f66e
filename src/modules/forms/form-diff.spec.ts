import { diffForms } from './form-diff';

const field = (key: string, extra: Record<string, unknown> = {}) => ({ type: 'textfield', key, label: key, input: true, ...extra });

describe('diffForms', () => {
  it('matches components on their data path and lists the changed properties', () => {
    const before = {
      components: [
        { type: 'panel', key: 'main', components: [field('name'), field('gone')] },
        { type: 'datagrid', key: 'rows', components: [field('name', { validate: { required: true } })] },
      ],
    };
    const after = {
      components: [
        { type: 'panel', key: 'main', components: [field('name', { label: 'Tên' })] },
        { type: 'datagrid', key: 'rows', components: [field('name', { validate: { required: false, maxLength: 10 } }), field('title')] },
        field('added'),
      ],
    };
    expect(diffForms(before, after)).toEqual({
      added: ['rows.title', 'added'],
      removed: ['gone'],
      changed: [
        { key: 'name', fields: ['label'] },
        { key: 'rows.name', fields: ['validate.maxLength', 'validate.required'] },
      ],
    });
  });

  it('finds nothing between equal forms, whatever the key order', () => {
    const schema = { components: [field('a', { validate: { required: true, min: 1 } })] };
    expect(diffForms(schema, { components: [{ validate: { min: 1, required: true }, input: true, label: 'a', key: 'a', type: 'textfield' }] })).toEqual({ added: [], removed: [], changed: [] });
  });

  it('compares column layouts without their children', () => {
    const columns = (width: number) => ({ components: [{ type: 'columns', key: 'cols', columns: [{ width, components: [field('x')] }] }] });
    expect(diffForms(columns(6), columns(4))).toEqual({ added: [], removed: [], changed: [{ key: 'cols', fields: ['columns'] }] });
  });
});

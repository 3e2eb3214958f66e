import { findScripts } from './find-scripts';

describe('findScripts', () => {
  it('lists every custom JavaScript location and ignores JSONLogic', () => {
    const form = {
      components: [
        { type: 'textfield', key: 'a', validate: { custom: 'valid = input.length > 2;', json: { '>': [1, 0] } } },
        { type: 'number', key: 'b', calculateValue: { '+': [1, 2] }, conditional: { json: { '==': [1, 1] } } },
        {
          type: 'columns',
          key: 'c',
          columns: [{ components: [{ type: 'textfield', key: 'd', customConditional: 'show = true;', customDefaultValue: 'value = 1;' }] }],
        },
        { type: 'datagrid', key: 'g', components: [{ type: 'number', key: 'e', calculateValue: 'value = row.x * 2;' }] },
        { type: 'select', key: 's', dataSrc: 'custom', data: { custom: 'values = [];' } },
        {
          type: 'textfield',
          key: 'l',
          logic: [{ trigger: { type: 'javascript', javascript: 'result = true;' }, actions: [{ type: 'customAction', customAction: 'x = 1;' }, { type: 'value', value: 'value = 2;' }] }],
        },
        { type: 'table', key: 't', rows: [[{ components: [{ type: 'textfield', key: 'u', validate: { custom: 'valid = true;' } }] }]] },
        { type: 'textfield', key: 'empty', validate: { custom: '' }, calculateValue: '' },
        { type: 'editgrid', key: 'eg', validate: { row: 'valid = row.x > 0;' }, components: [] },
      ],
    };
    expect(findScripts(form)).toEqual([
      'components[0].validate.custom',
      'components[2].columns[0].components[0].customConditional',
      'components[2].columns[0].components[0].customDefaultValue',
      'components[3].components[0].calculateValue',
      'components[4].data.custom',
      'components[5].logic[0].trigger.javascript',
      'components[5].logic[0].actions[0].customAction',
      'components[5].logic[0].actions[1].value',
      'components[6].rows[0][0].components[0].validate.custom',
      'components[8].validate.row',
    ]);
  });

  it('finds nothing in a form without scripts, and reads a textarea\'s numeric rows as no table', () => {
    expect(findScripts({ components: [{ type: 'textfield', key: 'a', validate: { required: true } }] })).toEqual([]);
    expect(findScripts({ components: [{ type: 'textarea', key: 'b', rows: 4 } as never] })).toEqual([]);
  });
});

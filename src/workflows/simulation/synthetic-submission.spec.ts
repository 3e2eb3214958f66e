import { syntheticSubmission } from './synthetic-submission';

describe('syntheticSubmission', () => {
  const context = { date: '2020-03-02', text: 'Diễn tập 2020' };

  it('fills every input inside panels and columns by its type and limits, and leaves buttons and files alone', () => {
    const data = syntheticSubmission(
      {
        components: [
          {
            type: 'panel',
            components: [
              { type: 'textfield', key: 'title', input: true, validate: { required: true, minLength: 20 } },
              { type: 'number', key: 'year', input: true, validate: { min: 2000, max: 2100 } },
              { type: 'columns', columns: [{ components: [{ type: 'email', key: 'mail', input: true }] }, { components: [{ type: 'datetime', key: 'on', input: true }] }] },
            ],
          },
          { type: 'selectboxes', key: 'movements', input: true, values: [{ value: 'a' }, { value: 'b' }] },
          { type: 'select', key: 'title2', input: true, data: { values: [{ value: 'x' }, { value: 'y' }] } },
          { type: 'radio', key: 'kind', input: true, values: [{ value: 'k1' }] },
          { type: 'checkbox', key: 'agree', input: true, validate: { required: true } },
          { type: 'datagrid', key: 'rows', input: true, components: [{ type: 'textfield', key: 'name', input: true }] },
          { type: 'file', key: 'scan', input: true },
          { type: 'button', key: 'submit', input: true },
        ],
      },
      context,
    );
    expect(data).toEqual({
      title: 'Diễn tập 2020.......',
      year: 2000,
      mail: 'dien-tap@example.vn',
      on: '2020-03-02T00:00:00.000Z',
      movements: { a: true, b: false },
      title2: 'x',
      kind: 'k1',
      agree: true,
      rows: [{ name: 'Diễn tập 2020' }],
    });
  });

  it('draws bounded numbers from the random source, and matches a text to its pattern', () => {
    const values = [0, 0.5, 0.999];
    const random = () => values.shift()!;
    const schema = {
      components: [
        { type: 'number', key: 'low', input: true, validate: { min: 0, max: 10 } },
        { type: 'number', key: 'mid', input: true, validate: { min: 0, max: 10 } },
        { type: 'number', key: 'half', input: true, validate: { min: 0, max: 0.5 } },
        { type: 'textfield', key: 'phone', input: true, validate: { pattern: '^\\+?[0-9 .]{8,20}$' } },
        { type: 'textfield', key: 'bad', input: true, validate: { pattern: '([' } },
      ],
    };
    expect(syntheticSubmission(schema, { ...context, random })).toEqual({ low: 0, mid: 5, half: 0.5, phone: '0912 345 678', bad: 'Diễn tập 2020' });
  });
});

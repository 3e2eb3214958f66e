import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinFormsDir } from '../forms/builtin-forms';
import { movementLabelsOf } from './pact-draft-labels';

describe('movementLabelsOf', () => {
  it('reads the labels of the movements of the shipped pact draft form, keyed by value', () => {
    const schema = JSON.parse(readFileSync(join(builtinFormsDir(), 'pact', 'pact-draft.form.json'), 'utf8'));
    expect(movementLabelsOf(schema)).toMatchObject({
      hocTapLamTheoTuTuongHoChiMinh: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      thiDuaTheoChuyenDe: 'Thi đua theo chuyên đề do ngành Kiểm sát nhân dân phát động',
    });
  });

  it('ignores a movements field that is not top-level select boxes, and a missing form', () => {
    const nested = { components: [{ type: 'datagrid', key: 'rows', components: [{ type: 'selectboxes', key: 'movements', values: [{ value: 'a', label: 'A' }] }] }] };
    expect(movementLabelsOf(nested)).toEqual({});
    expect(movementLabelsOf({ components: [{ type: 'textfield', key: 'movements' }] })).toEqual({});
    expect(movementLabelsOf(null)).toEqual({});
    expect(movementLabelsOf({ components: [{ type: 'selectboxes', key: 'movements', values: [{ value: 'a', label: 'A' }, { value: 2 }] }] })).toEqual({ a: 'A' });
  });
});

import type { ErrorObject } from 'ajv';
import type { Text } from '../../common/i18n/language';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi (string)',
  object: 'đối tượng (object)',
  array: 'mảng (array)',
  integer: 'số nguyên (integer)',
  number: 'số (number)',
  boolean: 'true hoặc false (boolean)',
  null: 'null',
};

const list = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');

/** What a JSON Schema error says in Vietnamese; the keywords the workflow schema uses, ajv's own words otherwise. */
function vietnamese(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `thiếu thuộc tính bắt buộc "${String(params.missingProperty)}"`;
    case 'type':
      return `phải là ${String(params.type).split(',').map((type) => TYPE_NAMES[type] ?? type).join(' hoặc ')}`;
    case 'additionalProperties':
      return `không có thuộc tính "${String(params.additionalProperty)}" ở đây`;
    case 'minLength':
      return params.limit === 1 ? 'không được để trống' : `cần ít nhất ${String(params.limit)} ký tự`;
    case 'maxLength':
      return `không được dài quá ${String(params.limit)} ký tự`;
    case 'pattern':
      return error.propertyName !== undefined
        ? `tên "${error.propertyName}" không đúng mẫu ${String(params.pattern)} (chữ thường, chữ số, dấu gạch ngang; bắt đầu bằng chữ)`
        : `phải khớp mẫu ${String(params.pattern)}`;
    case 'propertyNames':
      return `tên thuộc tính "${String(params.propertyName)}" không hợp lệ`;
    case 'enum':
      return `phải là một trong: ${list(params.allowedValues as unknown[])}`;
    case 'const':
      return `phải là ${JSON.stringify(params.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `phải ${String(params.comparison)} ${String(params.limit)}`;
    case 'minProperties':
      return `cần ít nhất ${String(params.limit)} thuộc tính`;
    case 'maxProperties':
      return `không được có quá ${String(params.limit)} thuộc tính`;
    case 'minItems':
      return `cần ít nhất ${String(params.limit)} phần tử`;
    case 'maxItems':
      return `không được có quá ${String(params.limit)} phần tử`;
    default:
      return undefined;
  }
}

/** An ajv error in both languages; ajv words the English, with the offending property or name added where it leaves it out. */
export function schemaProblemText(error: ErrorObject): Text {
  const params = error.params as Record<string, unknown>;
  let en = error.message ?? 'invalid';
  if (error.keyword === 'additionalProperties') en += `: "${String(params.additionalProperty)}"`;
  if (error.keyword === 'pattern' && error.propertyName !== undefined) en = `property name "${error.propertyName}" ${en}`;
  if (error.keyword === 'propertyNames') en = `property name "${String(params.propertyName)}" is invalid`;
  return { vi: vietnamese(error) ?? `không hợp lệ (${en})`, en };
}

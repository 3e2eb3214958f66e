import { Language, Text } from '../../../common/i18n/language';

/**
 * Form.io validation messages by the key @formio/core reports (`errorKeyOrMessage`), in every language
 * we speak. The English texts are @formio/core's own (so the server reads as the renderer does);
 * `minRows`/`maxRows` are ours, for the data-grid row limits @formio/core does not enforce.
 * Placeholders use Form.io's `{{name}}` syntax and are filled from the error's context.
 */
export const VALIDATION_MESSAGES = {
  required: { vi: '{{field}} là bắt buộc', en: '{{field}} is required' },
  unique: { vi: '{{field}} phải là duy nhất', en: '{{field}} must be unique' },
  array: { vi: '{{field}} phải là một danh sách', en: '{{field}} must be an array' },
  array_nonempty: { vi: '{{field}} phải là một danh sách không rỗng', en: '{{field}} must be a non-empty array' },
  nonarray: { vi: '{{field}} không được là một danh sách', en: '{{field}} must not be an array' },
  select: { vi: '{{field}} có lựa chọn không hợp lệ', en: '{{field}} contains an invalid selection' },
  invalidOption: { vi: '{{field}} có giá trị không nằm trong các lựa chọn.', en: '{{field}} is an invalid value.' },
  pattern: { vi: '{{field}} không khớp với mẫu {{pattern}}', en: '{{field}} does not match the pattern {{pattern}}' },
  minLength: { vi: '{{field}} phải có ít nhất {{length}} ký tự.', en: '{{field}} must have at least {{length}} characters.' },
  maxLength: { vi: '{{field}} không được quá {{length}} ký tự.', en: '{{field}} must have no more than {{length}} characters.' },
  minWords: { vi: '{{field}} phải có ít nhất {{length}} từ.', en: '{{field}} must have at least {{length}} words.' },
  maxWords: { vi: '{{field}} không được quá {{length}} từ.', en: '{{field}} must have no more than {{length}} words.' },
  min: { vi: '{{field}} không được nhỏ hơn {{min}}.', en: '{{field}} cannot be less than {{min}}.' },
  max: { vi: '{{field}} không được lớn hơn {{max}}.', en: '{{field}} cannot be greater than {{max}}.' },
  maxDate: { vi: '{{field}} không được sau ngày {{maxDate}}', en: '{{field}} should not contain date after {{maxDate}}' },
  minDate: { vi: '{{field}} không được trước ngày {{minDate}}', en: '{{field}} should not contain date before {{minDate}}' },
  maxYear: { vi: '{{field}} không được có năm lớn hơn {{maxYear}}', en: '{{field}} should not contain year greater than {{maxYear}}' },
  minYear: { vi: '{{field}} không được có năm nhỏ hơn {{minYear}}', en: '{{field}} should not contain year less than {{minYear}}' },
  minSelectedCount: { vi: 'Bạn phải chọn ít nhất {{minCount}} mục', en: 'You must select at least {{minCount}} items' },
  maxSelectedCount: { vi: 'Bạn chỉ được chọn tối đa {{maxCount}} mục', en: 'You may only select up to {{maxCount}} items' },
  invalid_email: { vi: '{{field}} phải là một địa chỉ email hợp lệ.', en: '{{field}} must be a valid email.' },
  invalid_url: { vi: '{{field}} phải là một địa chỉ URL hợp lệ.', en: '{{field}} must be a valid url.' },
  invalid_regex: { vi: '{{field}} không khớp với mẫu {{regex}}.', en: '{{field}} does not match the pattern {{regex}}.' },
  invalid_date: { vi: '{{field}} không phải là ngày hợp lệ.', en: '{{field}} is not a valid date.' },
  invalidDate: { vi: '{{field}} không phải là ngày hợp lệ', en: '{{field}} is not a valid date' },
  invalid_day: { vi: '{{field}} không phải là ngày hợp lệ.', en: '{{field}} is not a valid day.' },
  invalidDay: { vi: '{{field}} không phải là ngày hợp lệ.', en: '{{field}} is not a valid day.' },
  mask: { vi: '{{field}} không đúng định dạng.', en: '{{field}} does not match the mask.' },
  valueIsNotAvailable: { vi: '{{field}} có giá trị không hợp lệ.', en: '{{ field }} is an invalid value.' },
  time: { vi: '{{field}} không phải là giờ hợp lệ.', en: '{{field}} is not a valid time.' },
  number: { vi: '{{field}} không phải là số hợp lệ.', en: '{{field}} is not a valid number.' },
  requiredDayField: { vi: 'Ngày của {{field}} là bắt buộc', en: '{{ field }} is required' },
  requiredMonthField: { vi: 'Tháng của {{field}} là bắt buộc', en: '{{ field }} is required' },
  requiredYearField: { vi: 'Năm của {{field}} là bắt buộc', en: '{{ field }} is required' },
  minRows: { vi: '{{field}} phải có ít nhất {{length}} dòng.', en: '{{field}} must have at least {{length}} rows.' },
  maxRows: { vi: '{{field}} không được quá {{length}} dòng.', en: '{{field}} must have no more than {{length}} rows.' },
} satisfies Record<string, Text>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

const isMessageKey = (key: string): key is ValidationMessageKey => Object.prototype.hasOwnProperty.call(VALIDATION_MESSAGES, key);

/**
 * The message for a @formio/core error key, filled from `context`; undefined when the key is not one of
 * ours (a form's own custom or JSONLogic message, which is shown as the form wrote it).
 */
export function validationMessage(key: string, language: Language, context: Record<string, unknown>): string | undefined {
  if (!isMessageKey(key)) return undefined;
  return fillPlaceholders(VALIDATION_MESSAGES[key][language], context);
}

/** Fills Form.io `{{ name }}` placeholders from plain context values; never evaluates anything. */
export function fillPlaceholders(template: string, context: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    const value = context[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

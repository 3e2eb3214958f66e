import type { StageProblem } from './stage-handler';

/** The problems stage types share, worded once in both languages. */

export const unknownSettings = (settings: object): StageProblem[] =>
  Object.keys(settings).map((key) => ({
    path: `settings.${key}`,
    code: 'SETTING_UNKNOWN',
    message: { vi: `Thiết lập "${key}" không được hỗ trợ ở loại bước này`, en: `unknown setting "${key}"` },
  }));

export const invalidSetting = (path: string, vi: string, en: string): StageProblem => ({ path, code: 'SETTING_INVALID', message: { vi, en } });

export const notBoolean = (path: string): StageProblem => invalidSetting(path, `${path.replace(/^settings\./, '')} phải là true hoặc false`, `${path.replace(/^settings\./, '')} must be true or false`);

/** `"a", "b", "c"`: the allowed values as they are written in the JSON. */
export const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export const noAssignees = (type: string): StageProblem => ({
  path: 'assignees',
  code: 'ASSIGNEES_NOT_ALLOWED',
  message: { vi: `Bước loại ${type} không có người thực hiện`, en: `a ${type} stage has no assignees` },
});

import { AppError } from '../../../common/errors/app-error';
import { parseVotingRule } from '../../../modules/voting/rules/voting-rule';
import type { StageProblem } from '../stage-handler';

/** The voting rule's own problem codes, worded in Vietnamese; its English messages come with the problems. */
const VIETNAMESE: Record<string, string> = {
  NOT_AN_OBJECT: 'Quy tắc biểu quyết phải là một đối tượng JSON',
  UNKNOWN_FIELD: 'Trường này không có trong quy tắc biểu quyết',
  REQUIRED: 'denominator, threshold và comparison phải được nêu cùng nhau: ngưỡng thông qua nêu đủ hoặc không nêu',
  UNKNOWN_VALUE: 'Giá trị không nằm trong các giá trị cho phép',
  NOT_A_BOOLEAN: 'Giá trị phải là true hoặc false',
  NOT_A_FRACTION: 'Giá trị phải là phân số như "2/3" hoặc { numerator, denominator }',
  NOT_A_NUMBER: 'Giá trị phải là số nguyên',
  NOT_AN_INTEGER: 'Giá trị phải là số nguyên',
  NEGATIVE: 'Giá trị không được âm',
  TOO_LARGE: 'Giá trị quá lớn',
  ZERO_DENOMINATOR: 'Mẫu số phải khác 0',
  FRACTION_NOT_POSITIVE: 'Phân số phải lớn hơn 0',
  FRACTION_ABOVE_ONE: 'Phân số không được lớn hơn 1',
  THRESHOLD_UNREACHABLE: '"Trên" toàn bộ số phiếu không bao giờ đạt được; dùng ">=" hoặc một ngưỡng nhỏ hơn',
  ABSTENTIONS_ALWAYS_MEMBERS: 'Với mẫu số "members", thành viên không biểu quyết vẫn là thành viên; để true hoặc dùng "cast" hay "present"',
  CHAIR_BALLOT_SECRET: 'Bỏ phiếu kín thì không biết phiếu của chủ trì; dùng "status-quo" hoặc "revote"',
};

/** Every problem of a voting rule set in a stage's settings, at its path under `base` (`settings.rule.threshold`). */
export function votingRuleProblems(rule: unknown, base: string): StageProblem[] {
  try {
    parseVotingRule(rule);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = Array.isArray(error.details) ? (error.details as Array<{ path?: string; code?: string; message?: string }>) : [];
    return details.map((problem) => {
      const en = problem.message ?? 'invalid rule';
      const vi = VIETNAMESE[problem.code ?? ''];
      return {
        path: `${base}${(problem.path ?? '').replace(/^\$/, '')}`,
        code: 'SETTING_INVALID',
        message: { vi: vi ? `${vi} (${en})` : `Quy tắc biểu quyết không hợp lệ: ${en}`, en },
      };
    });
  }
}

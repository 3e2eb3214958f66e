import { AppError } from '../../common/errors/app-error';
import { Text } from '../../common/i18n/language';
import type { AmendmentKind } from './entities/amendment.entity';

/** A kind of amendment in the words of the proposal form. */
export const AMENDMENT_KIND_WORDS: Record<AmendmentKind, Text> = {
  replace: { vi: 'thay thế', en: 'replace' },
  insert: { vi: 'chèn sau', en: 'insert after' },
  delete: { vi: 'xóa', en: 'delete' },
};

/** A proposal not yet numbered, named by the unit that makes it. */
export const proposalBy = (unitName: string): Text => ({ vi: `của ${unitName}`, en: `by ${unitName}` });

/**
 * The merge names amendments by the ids it was given; the stored ones are known to people by their number
 * ("đề xuất số 2"). The refusal keeps its code, kind and details (with the ids).
 */
export function numberingMergeRefusal(error: unknown, amendments: ReadonlyArray<{ id: string; number: number }>): unknown {
  if (!(error instanceof AppError) || (error.code !== 'AMENDMENT_CONFLICT' && error.code !== 'AMENDMENT_TARGET_MISSING')) return error;
  const numbered = (id: unknown): unknown => {
    const amendment = amendments.find((candidate) => candidate.id === id);
    return amendment ? { vi: `số ${amendment.number}`, en: `no. ${amendment.number}` } : id;
  };
  const params = { ...error.params };
  for (const key of ['a', 'b', 'amendment']) if (key in params) params[key] = numbered(params[key]);
  return new AppError(error.code, params, error.details, error.headers);
}

import { AppError } from '../../../common/errors/app-error';
import { catalogMessage, statusOf } from '../../../common/errors/error-catalog';
import { Language } from '../../../common/i18n/language';
import { findUnsafeInput, MAX_INPUT_DEPTH } from '../../../common/http/unsafe-input';

/** A problem shown beside the publish form: where in the document (`''` for the whole of it) and what, in words. */
export interface FormProblem {
  path: string;
  message: string;
}

/** "(dòng 3, cột 1)": where JSON.parse stopped, as the textarea's reader counts lines. */
function positionText(text: string, error: unknown, language: Language): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return language === 'vi' ? ` (dòng ${line}, cột ${column})` : ` (line ${line}, column ${column})`;
}

/**
 * The document the administrator typed, parsed, or the one problem that keeps it from being a document at all: not
 * JSON (with where it stopped), or what the API's body parsers refuse before any route (a control character, a number
 * out of range, nesting too deep), which a textarea's JSON would otherwise carry past them.
 */
export function readPackDocument(text: string, language: Language): { document: unknown } | { problem: FormProblem } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = language === 'en' && error instanceof Error ? ` ${error.message}.` : '';
    return { problem: { path: '', message: `${catalogMessage('INVALID_JSON', {}, language)}${positionText(text, error, language)}${detail}` } };
  }
  const unsafe = findUnsafeInput(document, '');
  if (!unsafe) return { document };
  const message =
    unsafe.problem === 'too-deep'
      ? catalogMessage('INPUT_TOO_DEEP', { limit: MAX_INPUT_DEPTH, field: unsafe.field }, language)
      : unsafe.problem === 'control-character'
        ? catalogMessage('INVALID_CHARACTERS', { field: unsafe.field, character: unsafe.character }, language)
        : catalogMessage('VALIDATION_FAILED', { fields: unsafe.field }, language);
  return { problem: { path: unsafe.field, message } };
}

/**
 * A refusal of RulePackLibraryService.publish as problems beside the form, with the page's status: each problem of an
 * invalid pack at its path; a clash of effective dates at `effectiveFrom`; any other refusal for the whole document.
 * Anything that is not a refusal (a 5xx) is not the form's to explain and is thrown again.
 */
export function publishProblems(error: unknown, language: Language): { problems: FormProblem[]; status: number } {
  if (!(error instanceof AppError) || statusOf(error.code) >= 500) throw error;
  const status = statusOf(error.code);
  if (error.code === 'RULE_PACK_INVALID' && Array.isArray(error.details)) {
    return { status, problems: (error.details as Array<{ path: string; message: string }>).map(({ path, message }) => ({ path, message })) };
  }
  const message = catalogMessage(error.code, error.params, language);
  return { status, problems: [{ path: error.code === 'RULE_PACK_EFFECTIVE_DATE_TAKEN' ? 'effectiveFrom' : '', message }] };
}

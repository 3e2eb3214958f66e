import { FieldError, interpolateErrors } from '@formio/core';
import { Language } from '../../../../common/i18n/language';
import { FormComponent, FormFieldError } from '../form-validation.types';
import { validationMessage } from '../validation-messages';

/** The shape of an error as @formio/core leaves it in `scope.errors`. */
export interface CoreError {
  errorKeyOrMessage: string;
  ruleName: string;
  context: Record<string, unknown> & { component?: { errors?: Record<string, string> } };
}

/**
 * The message in the requested language. A message the form itself gives (`errors` per key, a custom
 * message, a JSONLogic rule's text) is shown as written; otherwise our translation of the Form.io text.
 * Shared by the reference path (FormValidator) and the compiled one, so both speak alike.
 */
export function messageOf(raw: CoreError, english: string, language: Language): string {
  if (raw.context.component?.errors?.[raw.errorKeyOrMessage]) return english;
  if (language === 'en' && raw.errorKeyOrMessage !== 'minRows' && raw.errorKeyOrMessage !== 'maxRows') return english;
  return validationMessage(raw.errorKeyOrMessage, language, raw.context) ?? english;
}

/** One error of a component, worded once in every language; only its path changes from row to row. */
export interface ErrorTemplate {
  validator: string;
  /** @formio/core's key (or the form's own message): the draft rule reads it (`minRows`). */
  key: string;
  label?: string;
  message: Record<Language, string>;
}

/**
 * Builds an error the way @formio/core does (its own FieldError, then interpolateErrors), so its wording,
 * label and custom messages cannot drift from the reference path. None of the rules compiled here word
 * their message from the value, so this runs once per component and rule, at compile time.
 */
export function errorTemplate(component: FormComponent, key: string, ruleName: string, extra: Record<string, unknown> = {}): ErrorTemplate {
  const error = new FieldError(key, { component, path: component.key ?? '', value: undefined, ...extra } as never, ruleName) as unknown as CoreError;
  const shaped = interpolateErrors([error] as never, 'en')[0];
  const label = shaped.context.label as string | undefined;
  return {
    validator: ruleName,
    key: error.errorKeyOrMessage,
    ...(label ? { label } : {}),
    message: { vi: messageOf(error, shaped.message, 'vi'), en: messageOf(error, shaped.message, 'en') },
  };
}

/** The error as FormValidator returns it. */
export const fieldError = (template: ErrorTemplate, path: string, language: Language): FormFieldError => ({
  path,
  validator: template.validator,
  message: template.message[language],
  ...(template.label ? { label: template.label } : {}),
});

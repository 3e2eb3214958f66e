import { FieldError, ProcessorInfo, shouldSkipValidation, ValidationContext } from '@formio/core';

/** Component types whose `validate.minLength` / `maxLength` count rows. */
export const ROW_LIMITED_TYPES: ReadonlySet<string> = new Set(['datagrid', 'editgrid']);

/** A row limit setting as a positive integer, or undefined when unset (Form.io treats 0 and '' as unset). */
export const rowLimit = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
};

/**
 * Closes a gap of @formio/core on the server: `validate.minLength` / `validate.maxLength` of a data grid or
 * edit grid limit its number of rows, and @formio/core does not check them. This processor runs in the same
 * traversal, after @formio/core's own validation, and skips hidden grids exactly as @formio/core skips hidden
 * fields (`shouldSkipValidation`). Errors use the settings' names as validators (`minLength`, `maxLength`)
 * and the message keys `minRows` / `maxRows`.
 */
function checkRowCount(context: ValidationContext): void {
  const { component, scope } = context;
  if (!ROW_LIMITED_TYPES.has(component.type)) return;
  const settings = component.validate as { minLength?: unknown; maxLength?: unknown } | undefined;
  const min = rowLimit(settings?.minLength);
  const max = rowLimit(settings?.maxLength);
  if (min === undefined && max === undefined) return;
  if (shouldSkipValidation(context)) return;
  const value: unknown = context.value;
  const rows = Array.isArray(value) ? value.length : 0;
  let error: FieldError | undefined;
  if (min !== undefined && rows < min) error = new FieldError('minRows', { ...context, length: String(min), setting: String(min) } as never, 'minLength');
  else if (max !== undefined && rows > max) error = new FieldError('maxRows', { ...context, length: String(max), setting: String(max) } as never, 'maxLength');
  if (!error) return;
  error.context.path = context.path;
  scope.errors = scope.errors ?? [];
  scope.errors.push(error);
}

export const rowCountProcessInfo: ProcessorInfo<ValidationContext, void> = {
  name: 'rowCount',
  postProcessSync: checkRowCount,
  shouldProcess: () => true,
};

import type { FormSchema } from '../forms/form-schema';
import { walkComponents } from '../forms/form-schema';
import type { MovementLabels } from './content/document-content';

/** The key of the built-in pact draft form (`forms/pact/pact-draft.form.json`). */
export const PACT_DRAFT_FORM_KEY = 'pact/pact-draft';

/**
 * The labels of the top-level `movements` select boxes of a pact draft form, keyed by value, so that
 * version 1 names the movements as the units read them in the form, not by their machine values.
 */
export function movementLabelsOf(schema: FormSchema | null | undefined): MovementLabels {
  const visit = walkComponents(schema?.components).find(({ component, scope }) => scope === '' && component.key === 'movements' && component.type === 'selectboxes');
  const values = visit?.component.values;
  if (!Array.isArray(values)) return {};
  const labels: Record<string, string> = {};
  for (const option of values) {
    if (typeof option === 'object' && option !== null && typeof option.value === 'string' && typeof option.label === 'string') labels[option.value] = option.label;
  }
  return labels;
}

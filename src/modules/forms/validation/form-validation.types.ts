import { Language } from '../../../common/i18n/language';

/** One Form.io component as stored in a form's JSON; only the members this module reads are typed. */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  hidden?: boolean;
  multiple?: boolean;
  dataSrc?: string;
  data?: { values?: unknown[]; custom?: unknown; [member: string]: unknown };
  values?: unknown[];
  validate?: { required?: boolean; minLength?: number | string; maxLength?: number | string; custom?: unknown; onlyAvailableItems?: boolean; [member: string]: unknown };
  conditional?: Record<string, unknown>;
  customConditional?: unknown;
  calculateValue?: unknown;
  calculateServer?: boolean;
  customDefaultValue?: unknown;
  logic?: Array<{ trigger?: { type?: string; javascript?: unknown }; actions?: Array<{ type?: string; customAction?: unknown; value?: unknown }> }>;
  components?: FormComponent[];
  columns?: Array<{ components?: FormComponent[] }>;
  rows?: Array<Array<{ components?: FormComponent[] }>>;
  [member: string]: unknown;
}

/** A Form.io form definition (`display`, `components`, …) with our `settings.allowScripts` opt-in. */
export interface FormDefinition {
  display?: string;
  components: FormComponent[];
  settings?: { allowScripts?: boolean; [member: string]: unknown };
  [member: string]: unknown;
}

export type ValidationMode = 'submit' | 'draft';

export interface ValidateOptions {
  /** `draft` keeps partial data: see `FormValidator.validate` for the exact rule. Default `submit`. */
  mode?: ValidationMode;
  /** Language of the messages; Vietnamese by default. */
  language?: Language;
}

/** One problem, shaped as the Form.io renderer shows it on a field. */
export interface FormFieldError {
  /** Data path with row indexes, e.g. `clauses[0].heading`. */
  path: string;
  /** Form.io rule name: `required`, `min`, `maxLength`, `pattern`, `email`, `onlyAvailableItems`, `json`… */
  validator: string;
  message: string;
  label?: string;
}

export interface FormValidationResult {
  valid: boolean;
  /** The data @formio/core returns: unknown keys and hidden fields removed, server-side calculations redone. */
  data: Record<string, unknown>;
  errors: FormFieldError[];
}

/** Row limits of one data grid or edit grid; `dataPath` is relative to the enclosing row (or the submission). */
export interface GridNode {
  key: string;
  label: string;
  /** Full template path with `[]` for enclosing rows, e.g. `sections[].clauses`. */
  templatePath: string;
  dataPath: string[];
  minRows?: number;
  maxRows?: number;
  intentionallyHidden: boolean;
  children: GridNode[];
}

/** What `prepare` computes once per form content. */
export interface PreparedForm {
  readonly hash: string;
  /** A private copy of the form, adjusted for the server (see `prepareForm`). */
  readonly form: FormDefinition;
  readonly components: FormComponent[];
  /** Every data-bearing component with its template path (`clauses[].heading`). */
  readonly fields: ReadonlyArray<{ templatePath: string; key: string; type: string; label: string }>;
  /** Grids as a tree, for the row limits and the row-count safety check. */
  readonly grids: readonly GridNode[];
  /** Paths of custom JavaScript found in the form (see `findScripts`). */
  readonly scripts: readonly string[];
}

/**
 * JSON Schema (draft 2020-12) of a scoring table document: its shape only. Codes, decimals, method settings
 * and grade order are checked after it by validateScoringTable, with their own problem codes.
 */
const localText = {
  oneOf: [
    { type: 'string', minLength: 1, maxLength: 2000 },
    {
      type: 'object',
      required: ['vi'],
      additionalProperties: false,
      properties: { vi: { type: 'string', minLength: 1, maxLength: 2000 }, en: { type: 'string', maxLength: 2000 } },
    },
  ],
};

/** Points and quantities: decimals (at most 2 places, checked later) in a range no table needs to leave. */
const amount = { type: 'number', minimum: -100000, maximum: 100000 };
const code = { type: 'string', minLength: 1, maxLength: 40 };
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' };

export const SCORING_TABLE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'year', 'rounding', 'grades', 'groups'],
  additionalProperties: false,
  properties: {
    name: localText,
    description: localText,
    year: { type: 'integer', minimum: 1990, maximum: 2200 },
    unitType: slug,
    source: { type: 'string', minLength: 1, maxLength: 1000 },
    rounding: { const: 'half-up' },
    grades: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: { type: 'object', required: ['code', 'label', 'min'], additionalProperties: false, properties: { code: slug, label: localText, min: amount } },
    },
    groups: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/$defs/branch' } },
  },
  $defs: {
    // An object with `items` is a branch, any other a leaf: the same rule as isLeaf().
    node: { if: { type: 'object', required: ['items'] }, then: { $ref: '#/$defs/branch' }, else: { $ref: '#/$defs/leaf' } },
    branch: {
      type: 'object',
      required: ['code', 'text', 'items'],
      additionalProperties: false,
      properties: { code, text: localText, cap: amount, items: { type: 'array', minItems: 1, maxItems: 500, items: { $ref: '#/$defs/node' } } },
    },
    leaf: {
      type: 'object',
      required: ['code', 'text', 'method', 'points'],
      additionalProperties: false,
      properties: {
        code,
        text: localText,
        method: { enum: ['full', 'binary', 'proportional', 'bonus', 'penalty'] },
        points: amount,
        target: amount,
        exceedCap: amount,
        evidence: { enum: ['required', 'optional'] },
        hint: localText,
      },
    },
  },
} as const;

/** JSON Schema (draft 2020-12) of a workflow document; the graph and per-type settings are checked after it. */
const localText = {
  oneOf: [
    { type: 'string', minLength: 1, maxLength: 500 },
    { type: 'object', required: ['vi'], additionalProperties: false, properties: { vi: { type: 'string', minLength: 1 }, en: { type: 'string' } } },
  ],
};

const positiveInt = { type: 'integer', minimum: 1, maximum: 100000 };

export const DUE_RULE_SCHEMA = {
  oneOf: [
    { type: 'object', required: ['workingDays'], additionalProperties: false, properties: { workingDays: positiveInt } },
    { type: 'object', required: ['days'], additionalProperties: false, properties: { days: positiveInt } },
    { type: 'object', required: ['hours'], additionalProperties: false, properties: { hours: positiveInt } },
    { type: 'object', required: ['minutes'], additionalProperties: false, properties: { minutes: positiveInt } },
    {
      type: 'object',
      required: ['date'],
      additionalProperties: false,
      properties: { date: { type: 'string', pattern: '^(\\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' } },
    },
  ],
};

const transition = {
  type: 'object',
  required: ['to'],
  additionalProperties: false,
  properties: { to: { type: 'string', minLength: 1 }, when: {} },
};

export const WORKFLOW_DOCUMENT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'start', 'stages'],
  additionalProperties: false,
  properties: {
    name: localText,
    description: localText,
    subject: { enum: ['cluster', 'unit'] },
    startedBy: { enum: ['admin', 'unit'] },
    start: { type: 'string', minLength: 1 },
    stages: {
      type: 'object',
      minProperties: 1,
      maxProperties: 200,
      propertyNames: { pattern: '^[a-z][a-z0-9-]{0,99}$' },
      additionalProperties: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', minLength: 1 },
          name: localText,
          settings: { type: 'object' },
          assignees: {
            type: 'array',
            maxItems: 50,
            items: {
              oneOf: [
                { enum: ['cluster-head', 'cluster-deputy', 'cluster-member', 'council-member', 'admin'] },
                { type: 'object', required: ['unit'], additionalProperties: false, properties: { unit: { type: 'string', minLength: 1 } } },
                { type: 'object', required: ['person'], additionalProperties: false, properties: { person: { type: 'string', minLength: 1 } } },
              ],
            },
          },
          fanOut: { enum: ['each-member'] },
          due: DUE_RULE_SCHEMA,
          reminders: {
            type: 'array',
            maxItems: 10,
            items: { type: 'object', required: ['before'], additionalProperties: false, properties: { before: DUE_RULE_SCHEMA } },
          },
          onDeadline: { enum: ['mark-late', 'close', 'escalate'] },
          on: {
            type: 'object',
            propertyNames: { pattern: '^[a-z][a-z0-9-]{0,63}$' },
            additionalProperties: { oneOf: [{ type: 'string', minLength: 1 }, transition, { type: 'array', minItems: 1, items: transition }] },
          },
        },
      },
    },
  },
} as const;

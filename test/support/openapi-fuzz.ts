import fc from 'fast-check';

/**
 * Request generation for the API fuzz test (test/e2e/api-fuzz.test.ts): each operation of the OpenAPI document becomes
 * an arbitrary of requests whose path parameters, query parameters, headers and JSON body follow its schemas, with
 * hostile values mixed in (control characters, huge and deep values, wrong types, unicode edge cases, prototype keys,
 * numbers and dates out of range, bad UUIDs).
 */

/** The subset of JSON Schema that @nestjs/swagger writes. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  /** `POST /api/v1/units/{id}/archive` */
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

export type Actor = 'admin' | 'officer' | 'anonymous';

/** One generated request, ready to send; `body` is the exact text sent. */
export interface FuzzRequest {
  operation: string;
  actor: Actor;
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Known ids by resource (`units`, `people`, `tasks`, …), for values that reach past a 404. */
export type IdPools = Record<string, string[]>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      operations.push({
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: operation.parameters ?? [],
        body: content ? { contentType: content[0], schema: content[1].schema } : undefined,
      });
    }
  }
  return operations;
}

/** A property or parameter name → the pool of ids it names (`memberUnitIds` → units). */
const POOL_OF_NAME: Record<string, string> = {
  unit: 'units',
  units: 'units',
  memberUnit: 'units',
  headUnit: 'units',
  deputyUnit: 'units',
  scopeUnit: 'units',
  chairUnit: 'units',
  parent: 'units',
  person: 'people',
  cluster: 'clusters',
  campaign: 'campaigns',
  workflowVersion: 'workflow-versions',
  version: 'workflow-versions',
  document: 'documents',
  thread: 'threads',
  comment: 'comments',
  poll: 'polls',
  task: 'tasks',
  form: 'forms',
  a: 'form-versions',
  b: 'form-versions',
};

/** The pool a parameter or property draws ids from: `{id}` after `/units/` → units; `personIds` → people. */
function poolFor(name: string, previousSegment?: string): string | undefined {
  if (name === 'id' && previousSegment) return previousSegment;
  return POOL_OF_NAME[name.replace(/Ids?$/, '')];
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values.

/** Replaced after JSON.stringify by JSON text no JS value serialises to (`1e400` parses to Infinity, 5,000 levels). */
const RAW = (text: string) => `\u0000RAW:${text}\u0000`;
const DEEP_ARRAY = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
  return value;
}

const SPECIAL_TEXT = [
  '\u0000',
  'Viện\u0000kiểm sát',
  '\u0007\u0008',
  '\u001b[31mđỏ',
  '\u007f',
  '\u0085',
  'a\u2028b\u2029',
  '\ud800',
  'x\udfff',
  'Hà Nội\ud83d',
  '\u202eKiểm sát\u202c',
  '\u200f\u200e\u061c',
  '\ufeffBOM',
  '\ufffe\uffff',
  'e\u0301'.repeat(40),
  'Z\u0336\u0322\u031b\u0316\u0317\u0339'.repeat(20),
  '😀👩‍👩‍👧‍👦🏳️‍🌈🇻🇳',
  'Việt Nam Thừa Thiên Huế'.normalize('NFD'),
  'Việt Nam Thừa Thiên Huế'.normalize('NFC'),
  '\ufb01\u2126\u212b',
  '',
  ' ',
  '\t\r\n',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  "'; drop table unit; --",
  '" or 1=1 --',
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'NaN',
  'Infinity',
  '1e400',
  '-0',
  '0x1F',
];

const SPECIAL_NUMBERS = [-1, 0, -0, 0.5, 1.5, -2020.25, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 2, 2 ** 63, 1e21, 1e308, -1e308, 5e-324, 1e20];
const SPECIAL_DATES = [
  '0000-00-00',
  '2020-02-30',
  '2020-13-01',
  '2019-02-29',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '1969-12-31T23:59:60Z',
  '2020-05-04T25:61:61',
  '2020-05-04T00:00:00+99:99',
  '20200504',
  '04/05/2020',
  '1e400',
];
const SPECIAL_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  '123E4567-E89B-12D3-A456-426614174000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  '123e4567e89b12d3a456426614174000',
  'g23e4567-e89b-12d3-a456-426614174000',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).chain((code) => fc.constantFrom(String.fromCharCode(code), '\u007f', '\u0085'));

/** Long text: mostly past every limit yet under the 1 MiB body limit, a few over it. */
const longText = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 201, max: 20_000 }).map((length) => 'ầ'.repeat(length)) },
  { weight: 4, arbitrary: fc.integer({ min: 20_000, max: 300_000 }).map((length) => 'a'.repeat(length)) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(1_100_000)) },
);

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Cụm thi đua', 'VKS-THA', 'admin'), controlCharacter).map(([text, control]) => `${text}${control}`) },
  { weight: 3, arbitrary: anyCodeUnits },
  { weight: 2, arbitrary: longText },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_DATES, ...SPECIAL_UUIDS) },
);

/** A value of the wrong kind for anything: other JSON types, deep nesting, prototype-keyed objects, raw JSON. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, '', 'x', [], {}, [null], [[]], { '': '' }),
  fc.constantFrom(...SPECIAL_NUMBERS),
  hostileText,
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => Object.fromEntries([[key, { polluted: true }]])),
  fc.integer({ min: 60, max: 70 }).chain((depth) => fc.boolean().map((asObject) => nested(depth, 'sâu', asObject))),
  fc.constantFrom(RAW('1e400'), RAW('-1e400'), RAW('1E+999999'), RAW('0.0000000000000000000000000000001e-400'), RAW(DEEP_ARRAY), RAW(DEEP_OBJECT)),
);

// ---------------------------------------------------------------------------------------------------------------
// Values from schemas.

export interface GenerationContext {
  document: OpenApiDocument;
  pools: IdPools;
  /** Hostile values mixed in; false: only plausible ones (to get past validation). */
  hostile: boolean;
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    current = { ...document.components.schemas[current.$ref.replace('#/components/schemas/', '')], nullable: current.nullable };
  }
  if (current.allOf?.length === 1) return { ...resolve(current.allOf[0], document), nullable: current.nullable };
  return current;
}

const uuid = fc.uuid({ version: 4 });
const isDateName = (name: string) => /(^date$|^from$|^to$|validFrom|validTo|validOn|heldAt|closesAt|At$)/.test(name);

function plausibleString(schema: Schema, name: string, pool: string[] | undefined): fc.Arbitrary<string> {
  if (schema.enum?.length) return fc.constantFrom(...(schema.enum as string[]));
  if (pool?.length) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: uuid });
  if (schema.format === 'uuid' || /Id$|^id$/.test(name)) return uuid;
  if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
  if (isDateName(name)) return fc.date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  if (name === 'lang') return fc.constantFrom('vi', 'en');
  // The formats the DTOs check (unit codes, usernames, form and workflow keys), with a suffix so that creations rarely clash.
  const suffix = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 4, maxLength: 8 });
  if (name === 'code') return suffix.map((text) => `VKS-${text.toUpperCase()}`);
  if (name === 'username') return suffix.map((text) => `fuzz.${text}`);
  if (name === 'key') return suffix.map((text) => `fuzz-${text}`);
  if (name === 'email') return suffix.map((text) => `${text}@example.vn`);
  if (name === 'password') return fc.constant('mat-khau-2020');
  const min = schema.minLength ?? 1;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
  const words = fc
    .array(fc.constantFrom('Cụm', 'thi', 'đua', 'số', '6', 'Viện', 'kiểm', 'sát', 'Thanh', 'Hóa', 'năm', '2020', 'VKS', 'điều', 'khoản'), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(' ').padEnd(min, '.').slice(0, max));
  return typeof schema.example === 'string' ? fc.oneof({ weight: 2, arbitrary: fc.constant(schema.example) }, { weight: 3, arbitrary: words }) : words;
}

function plausibleNumber(schema: Schema, name: string): fc.Arbitrary<number> {
  if (/year/i.test(name)) return fc.constantFrom(2020, 2021);
  if (name === 'limit') return fc.integer({ min: 1, max: 100 });
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? Math.max(min + 10, typeof schema.example === 'number' ? schema.example : 0);
  return fc.integer({ min, max });
}

/** A value for `schema` (named `name` where it sits): plausible, or in hostile mode sometimes hostile. */
export function valueFor(input: Schema, name: string, context: GenerationContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, context.document);
  const plausible = plausibleFor(schema, name, context, depth);
  const withNull = schema.nullable ? fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: fc.constant(null) }) : plausible;
  if (!context.hostile) return withNull;
  const typed = schema.type === 'string' ? hostileText : schema.type === 'number' || schema.type === 'integer' ? fc.constantFrom(...SPECIAL_NUMBERS) : wrongType;
  const dated = /date/.test(schema.format ?? '') || isDateName(name) ? fc.constantFrom(...SPECIAL_DATES) : typed;
  const identified = schema.format === 'uuid' || /Ids?$|^id$/.test(name) ? fc.constantFrom(...SPECIAL_UUIDS) : dated;
  return fc.oneof(
    { weight: 12, arbitrary: withNull },
    { weight: 2, arbitrary: typed },
    { weight: 1, arbitrary: dated },
    { weight: 1, arbitrary: identified },
    { weight: 1, arbitrary: wrongType },
  );
}

function plausibleFor(schema: Schema, name: string, context: GenerationContext, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => valueFor(variant, name, context, depth + 1)));
  if (depth > 6) return fc.constant('sâu');
  const pool = context.pools[poolFor(name) ?? ''];
  switch (schema.type) {
    case 'string':
      return plausibleString(schema, name, pool);
    case 'number':
    case 'integer':
      return plausibleNumber(schema, name);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items ?? { type: 'string' }, name, context, depth + 1), { maxLength: 4 });
    default:
      return objectFor(schema, context, depth);
  }
}

/** An object: the required properties, some optional ones; in hostile mode also extra, prototype or missing keys. */
function objectFor(schema: Schema, context: GenerationContext, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length) {
    // A free-form object (a workflow document, a form schema, form data): its example, or small dictionaries of anything.
    const dictionary = fc.dictionary(fc.constantFrom('a', 'data', 'title', 'stages', 'denominator'), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant({})), { maxKeys: 3 });
    if (schema.example === null || typeof schema.example !== 'object') return dictionary;
    const example = fc.constant(schema.example);
    if (!context.hostile) return fc.oneof({ weight: 3, arbitrary: example }, { weight: 1, arbitrary: dictionary });
    const spoiled = fc.tuple(fc.nat(), fc.oneof(hostileText, wrongType)).map(([leaf, value]) => replaceLeaf(schema.example, leaf, value));
    return fc.oneof({ weight: 2, arbitrary: example }, { weight: 3, arbitrary: spoiled }, { weight: 1, arbitrary: dictionary });
  }
  const required = new Set(schema.required ?? []);
  const entries = properties.map(([key, property]) => {
    const value = valueFor(property, key, context, depth + 1);
    const present = required.has(key) ? fc.constant(true) : fc.boolean();
    return fc.tuple(fc.constant(key), value, context.hostile && required.has(key) ? fc.oneof({ weight: 15, arbitrary: present }, { weight: 1, arbitrary: fc.constant(false) }) : present);
  });
  const base = fc.tuple(...entries).map((list) => list.filter(([, , present]) => present).map(([key, value]) => [key, value] as [string, unknown]));
  if (!context.hostile) return base.map((list) => Object.fromEntries(list));
  const extraKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('x\u0000', '', ' ', 'a'.repeat(300), '\ud800', 'id', 'createdAt', 'version'));
  const extras = fc.oneof({ weight: 6, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, wrongType), { minLength: 1, maxLength: 2 }) });
  // Object.fromEntries defines own properties, so `__proto__` goes out as a key rather than changing the prototype.
  return fc.tuple(base, extras).map(([list, extra]) => Object.fromEntries([...list, ...extra]));
}

/** A copy of `value` with its `index`-th leaf (modulo their number, depth first) replaced by `replacement`. */
function replaceLeaf(value: unknown, index: number, replacement: unknown): unknown {
  const leaves: number[] = [0];
  const count = (node: unknown): void => {
    if (node !== null && typeof node === 'object') Object.values(node).forEach(count);
    else leaves[0]++;
  };
  count(value);
  let remaining = index % Math.max(leaves[0], 1);
  const copy = (node: unknown): unknown => {
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node).map(([key, child]) => [key, copy(child)] as const);
      return Array.isArray(node) ? entries.map(([, child]) => child) : Object.fromEntries(entries);
    }
    return remaining-- === 0 ? replacement : node;
  };
  return copy(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Requests.

/** Percent-encodes UTF-8 (lone surrogates become U+FFFD, as any client would send them). */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** URL text sent as it is: broken escapes, bytes that are not UTF-8, encoded slashes and dots. */
const RAW_URL_PARTS = ['%', '%zz', '%FF', '%ED%A0%80', '%C0%AF', '..%2F..%2Fhealth', '%2F', '.', '..', '%00', '%E2%80%AE', 'a%20b'];

function urlPart(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('\u0000URL:')) return value.slice(5);
  if (value === null || value === undefined) return '';
  return encode(typeof value === 'string' ? value : JSON.stringify(value) ?? '');
}

/** Text allowed in a header value (Node refuses control characters and anything past U+00FF). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)), maxLength: 30 });

function parameterValue(parameter: Parameter, previousSegment: string | undefined, context: GenerationContext): fc.Arbitrary<unknown> {
  const schema = parameter.schema ?? { type: 'string' };
  const pool = context.pools[poolFor(parameter.name, previousSegment) ?? ''];
  let plausible: fc.Arbitrary<unknown>;
  if (pool?.length) plausible = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: uuid });
  else if (schema.type === 'number' && ['number', 'from', 'to', 'version'].includes(parameter.name)) plausible = fc.integer({ min: 1, max: 3 });
  else if (parameter.name === 'offset') plausible = fc.integer({ min: 0, max: 20 });
  else if (parameter.name === 'clauseId') plausible = fc.constantFrom('c-1', 'c-2');
  else if (parameter.name === 'date' && parameter.in === 'path') plausible = fc.constantFrom('2020-05-09', '2020-09-02', '2021-01-01');
  else if (schema.type === 'boolean') plausible = fc.constantFrom('true', 'false');
  else plausible = valueFor(schema, parameter.name, { ...context, hostile: false });
  if (!context.hostile) return plausible;
  const hostile = fc.oneof(
    { weight: 3, arbitrary: valueFor(schema, parameter.name, context) },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_UUIDS, ...SPECIAL_DATES, '99999999999999999999', '-1', '1.5', '1e3', 'NaN', '[object Object]') },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_URL_PARTS).map((part) => `\u0000URL:${part}`) },
  );
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
}

/** Replaces the raw-JSON markers JSON.stringify escaped (`"\u0000RAW:1e400\u0000"` → `1e400`). */
const serialise = (value: unknown) => JSON.stringify(value).replace(/"\\u0000RAW:(.*?)\\u0000"/g, (_, text: string) => JSON.parse(`"${text}"`));

/** Requests for `operation`, as `actor` unless the operation is anonymous by nature (signing in, refreshing). */
export function requestsFor(operation: Operation, context: GenerationContext, actors: fc.Arbitrary<Actor>, officerUnit: string): fc.Arbitrary<FuzzRequest> {
  const segments = operation.path.split('/');
  const pathParts = segments.map((segment, index) => {
    const match = /^\{(.+)\}$/.exec(segment);
    if (!match) return fc.constant(segment);
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === match[1]) ?? { name: match[1], in: 'path' as const };
    return parameterValue(parameter, segments[index - 1], context).map(urlPart);
  });
  const queries = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) =>
      fc.tuple(
        fc.constant(parameter.name),
        parameterValue(parameter, undefined, context),
        // Sometimes twice (`?limit=1&limit=2` parses to an array).
        context.hostile ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom<boolean | 'twice'>(true, false) }, { weight: 1, arbitrary: fc.constant('twice' as const) }) : fc.constantFrom<boolean | 'twice'>(true, false),
      ),
    );
  const idempotencyKey = operation.parameters.some((parameter) => parameter.name === 'Idempotency-Key')
    ? fc.oneof<[fc.Arbitrary<string | undefined>, ...fc.Arbitrary<string | undefined>[]]>(
        uuid,
        fc.constant(undefined),
        ...(context.hostile ? [fc.oneof(headerText, fc.constant('k'.repeat(201)), fc.constant(''))] : []),
      )
    : fc.constant(undefined);
  const actingUnit = context.hostile
    ? fc.oneof({ weight: 6, arbitrary: fc.constant(officerUnit) }, { weight: 1, arbitrary: fc.oneof(headerText, fc.constantFrom(...SPECIAL_UUIDS)) })
    : fc.constant(officerUnit);
  const body = operation.body
    ? operation.body.contentType === 'application/json'
      ? context.hostile
        ? fc
            .oneof(
              { weight: 36, arbitrary: valueFor(operation.body.schema, 'body', context) },
              { weight: 3, arbitrary: wrongType },
              // Past the 1 MiB body limit: a plausible body with one more, huge member.
              { weight: 1, arbitrary: valueFor(operation.body.schema, 'body', context).map((value) => ({ ...(value as object), padding: 'x'.repeat(1_100_000) })) },
            )
            .map(serialise)
        : valueFor(operation.body.schema, 'body', context).map(serialise)
      : // CSV imports: a header and rows of plausible or hostile text.
        fc.array(fc.tuple(plausibleString({ type: 'string' }, 'code', undefined), context.hostile ? hostileText : plausibleString({ type: 'string' }, 'name', undefined)), { maxLength: 5 })
          .map((rows) => ['code,name,username,fullName', ...rows.map(([a, b]) => `${a},"${b.replace(/"/g, '""')}",${a},${b}`)].join('\n'))
    : fc.constant(undefined);
  const anonymous = /\/auth\/(sign-in|refresh|sign-out)$/.test(operation.path);

  return fc
    .record({ path: fc.tuple(...pathParts), query: fc.tuple(...queries), idempotencyKey, actingUnit, body, actor: anonymous ? fc.constant<Actor>('anonymous') : actors })
    .map(({ path, query, idempotencyKey: key, actingUnit: unit, body: text, actor }) => {
      const search = query
        .filter(([, value, present]) => present !== false && value !== undefined)
        .flatMap(([name, value, present]) => (present === 'twice' ? [`${name}=${urlPart(value)}`, `${name}=${urlPart(value)}`] : [`${name}=${urlPart(value)}`]));
      const headers: Record<string, string> = {};
      if (text !== undefined) headers['Content-Type'] = operation.body!.contentType === 'application/json' ? 'application/json' : `${operation.body!.contentType}; charset=utf-8`;
      if (key !== undefined) headers['Idempotency-Key'] = key;
      if (actor === 'officer') headers['X-Acting-Unit'] = unit;
      return { operation: operation.name, actor, method: operation.method, url: `${path.join('/')}${search.length ? `?${search.join('&')}` : ''}`, headers, body: text };
    });
}

/** The request as a failure message shows it: long texts cut, invisible characters escaped. */
export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be made visible
  const visible = (text: string) => cut(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [`${request.method.toUpperCase()} ${visible(request.url)} as ${request.actor}`, ...Object.entries(request.headers).map(([name, value]) => `${name}: ${visible(value)}`), request.body === undefined ? '' : visible(request.body)].join('\n');
}

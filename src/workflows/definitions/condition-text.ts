/** Operators shown between their two operands, as administrators write them. */
const INFIX = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', 'in', '+', '-', '*', '/', '%']);
const JOINERS: Record<string, string> = { and: ' và ', or: ' hoặc ' };
const MAX_LENGTH = 80;

const argumentsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function describe(rule: unknown, nested = false): string {
  if (rule === null || typeof rule !== 'object') return JSON.stringify(rule) ?? 'null';
  if (Array.isArray(rule)) return `[${rule.map((item) => describe(item)).join(', ')}]`;
  const operator = Object.keys(rule)[0];
  if (operator === undefined) return '{}';
  const args = argumentsOf((rule as Record<string, unknown>)[operator]);
  let text: string;
  if (operator === 'var') return String(args[0] ?? '');
  if (INFIX.has(operator) && args.length === 2) text = `${describe(args[0], true)} ${operator} ${describe(args[1], true)}`;
  else if (JOINERS[operator]) text = args.map((arg) => describe(arg, true)).join(JOINERS[operator]);
  else if (operator === '!') text = `không ${describe(args[0], true)}`;
  else return `${operator}(${args.map((arg) => describe(arg)).join(', ')})`;
  return nested ? `(${text})` : text;
}

/**
 * A JSONLogic condition as one short line for a diagram edge (`context.score >= 80 và context.late == false`).
 * Only for reading: the rule itself stays the source of truth, so long conditions are cut.
 */
export function describeCondition(rule: unknown): string {
  const text = describe(rule);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

import jsonLogic from 'json-logic-js';

/** The operations of json-logic-js 2.x; a condition may use only these. */
const OPERATIONS = new Set([
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'log', 'in', 'cat', 'substr', '+', '*', '-', '/',
  'min', 'max', 'merge', 'var', 'missing', 'missing_some', 'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some',
]);

/** Whether a value is a JSONLogic rule built only from known operations (checked at publish, not at run time). */
export function isValidCondition(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.every(isValidCondition);
  if (rule === null || typeof rule !== 'object') return true; // a literal
  if (!jsonLogic.is_logic(rule)) return false;
  const operator = jsonLogic.get_operator(rule);
  if (!OPERATIONS.has(operator)) return false;
  return isValidCondition((rule as Record<string, unknown>)[operator]);
}

/** Evaluates a condition over facts; a condition that cannot be evaluated counts as false. */
export function conditionHolds(rule: unknown, facts: Record<string, unknown>): boolean {
  try {
    return Boolean(jsonLogic.apply(rule as never, facts));
  } catch {
    return false;
  }
}

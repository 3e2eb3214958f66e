import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

/** Deeper than any DTO or form submission of ours; far below where a recursive validator runs out of stack. */
export const MAX_INPUT_DEPTH = 64;

/**
 * C0 control characters that no text of ours needs: everything below U+0020 but tab, line feed and carriage return.
 * NUL among them cannot be stored at all: PostgreSQL refuses it in text, and SQLite ends the statement at it.
 */
const isForbiddenControl = (code: number): boolean => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;

function firstForbiddenControl(text: string): number | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isForbiddenControl(code)) return code;
  }
  return null;
}

export type UnsafeInput = { problem: 'control-character'; field: string; character: string } | { problem: 'too-deep'; field: string } | { problem: 'not-finite'; field: string };

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** A readable path: `clauses[3].text`; a control character inside a key is shown as its code point. */
const childPath = (parent: string, key: string | number, inArray: boolean): string => {
  if (inArray) return `${parent}[${key}]`;
  const shown = Array.from(String(key), (character) => (isForbiddenControl(character.charCodeAt(0)) ? codePoint(character.charCodeAt(0)) : character)).join('');
  return parent ? `${parent}.${shown}` : shown;
};

/**
 * Finds the first control character (in a string or a key), number past the range of a double (JSON's `1e400` parses
 * to Infinity, which no column, hash or JSON output can hold) or nesting deeper than `maxDepth` in parsed request
 * data. Walks with its own stack, so that hostile nesting cannot exhaust the call stack here as it did in the
 * validation pipe.
 */
export function findUnsafeInput(value: unknown, root: string, maxDepth = MAX_INPUT_DEPTH): UnsafeInput | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (pending.length) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const found = firstForbiddenControl(current);
      if (found !== null) return { problem: 'control-character', field: path, character: codePoint(found) };
      continue;
    }
    if (typeof current === 'number' && !Number.isFinite(current)) return { problem: 'not-finite', field: path };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { problem: 'too-deep', field: path };
    const inArray = Array.isArray(current);
    for (const [key, child] of Object.entries(current)) {
      const found = inArray ? null : firstForbiddenControl(key);
      const field = childPath(path, key, inArray);
      if (found !== null) return { problem: 'control-character', field, character: codePoint(found) };
      pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return null;
}

function toError(found: UnsafeInput): AppError {
  if (found.problem === 'not-finite') return new AppError('VALIDATION_FAILED', { fields: found.field }, [{ field: found.field, problems: [`${found.field} must be a finite number`] }]);
  return found.problem === 'too-deep'
    ? new AppError('INPUT_TOO_DEEP', { limit: MAX_INPUT_DEPTH, field: found.field }, { field: found.field, limit: MAX_INPUT_DEPTH })
    : new AppError('INVALID_CHARACTERS', { field: found.field, character: found.character }, { field: found.field, character: found.character });
}

/**
 * Express middleware placed right after the body parsers: refuses, once for every route, a body or query string
 * holding control characters, numbers out of range or nesting too deep, before any pipe, guard or query sees it.
 */
export function refuseUnsafeInput() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const found = findUnsafeInput(request.query, '') ?? findUnsafeInput(request.body, typeof request.body === 'object' ? '' : 'body');
    next(found ? toError(found) : undefined);
  };
}

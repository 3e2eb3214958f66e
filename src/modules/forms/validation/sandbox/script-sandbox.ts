import { performance } from 'node:perf_hooks';
import { DefaultEvaluator, registerEvaluator } from '@formio/core';
import { AppError } from '../../../../common/errors/app-error';
import { DEFAULT_SCRIPT_MEMORY, ScriptProcess } from './script-process';

/** Time limits for the custom JavaScript of one validation. */
export interface ScriptLimits {
  /** Longest a single evaluation (one validate.custom, one calculateValue, ...) may run. */
  perEvaluationMs: number;
  /** Longest all evaluations of one validation may run together. */
  perValidationMs: number;
}

export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = { perEvaluationMs: 250, perValidationMs: 1000 };

interface SandboxRun {
  limits: ScriptLimits;
  deadline: number;
  timedOut: boolean;
  /** A script ran out of memory (or stopped answering): its process was discarded. */
  exhausted: boolean;
}

/** The validation currently running scripts (validation is synchronous, so one at a time per thread). */
let active: SandboxRun | undefined;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The one process that runs form scripts (validation is synchronous: one script at a time per thread). */
const host = new ScriptProcess();

/**
 * JSON of the evaluation's arguments, without functions (utils, lodash, moment, instance methods) and
 * without cycles: only plain data crosses into the sandbox, never a host object, so a script cannot reach
 * the server's `Function` (and through it `process` or `require`) via `constructor` chains.
 */
function toJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function' || typeof item === 'symbol' || typeof item === 'bigint') return undefined;
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return undefined;
      seen.add(item);
    }
    return item;
  }) ?? 'null';
}

/** The script as the script process runs it: the body as a function of the argument names, as @formio/core's `new Function(...names, body)`. */
function wrap(names: string[], body: string): string {
  // Everything, including whatever the body does to break out of the wrapper, runs inside the script process's context.
  return (
    `(function () { var __a = JSON.parse(__input); __input = undefined;\n` +
    `var __r = (function (${names.join(', ')}) {\n${body}\n}).apply(undefined, [${names.map((n) => `__a[${JSON.stringify(n)}]`).join(', ')}]);\n` +
    `return __r === undefined ? undefined : JSON.stringify(__r); })()`
  );
}

/**
 * Runs one script in a fresh V8 context of the script process (script-process.ts): no `require`, `process`,
 * `globalThis` of the server, no `eval` or `Function` from strings, no WebAssembly, a heap of its own with a
 * limit; arguments in and the result out as JSON; interrupted after the smaller of the per-evaluation limit and
 * what is left of the validation's budget. A timeout or an exhausted process marks the run (the validation then
 * fails with `FORM_SCRIPT_TIMEOUT` or `FORM_SCRIPT_MEMORY`) and every later script of the run is skipped. Any
 * other error in the script gives `null`, as @formio/core does for a failing script.
 */
function runScript(run: SandboxRun, names: string[], body: string, values: unknown[]): unknown {
  if (run.timedOut || run.exhausted) return null;
  const remaining = Math.floor(run.deadline - performance.now());
  if (remaining <= 0) {
    run.timedOut = true;
    return null;
  }
  const input: Record<string, unknown> = {};
  names.forEach((name, index) => (input[name] = values[index]));
  const outcome = host.run(wrap(names, body), toJson(input), Math.max(1, Math.min(run.limits.perEvaluationMs, remaining)));
  switch (outcome.kind) {
    case 'result':
      return outcome.json === null ? null : (JSON.parse(outcome.json) as unknown);
    case 'timeout':
      run.timedOut = true;
      return null;
    case 'exhausted':
      run.exhausted = true;
      return null;
    default:
      if (performance.now() >= run.deadline) run.timedOut = true;
      return null;
  }
}

/**
 * @formio/core's evaluator with code strings sent to the sandbox. Functions (never from form JSON) and
 * JSONLogic (handled before `evaluator` is called) keep the default path. Outside `runWithScriptSandbox`
 * a code string still runs sandboxed, with the default limits: forms without scripts never get here (their
 * fast path is unchanged), but a script `findScripts` does not know about cannot reach the server either.
 */
class SandboxEvaluator extends DefaultEvaluator {
  override evaluator(func: unknown, ...params: unknown[]): ReturnType<DefaultEvaluator['evaluator']> {
    if (typeof func !== 'string') return super.evaluator(func as never, ...(params as never[]));
    const first = params[0];
    const names = (typeof first === 'object' && first !== null ? Object.keys(first) : params.map(String)).filter((name) => IDENTIFIER.test(name));
    const body = func;
    return ((...values: unknown[]) => {
      const run = active ?? { limits: DEFAULT_SCRIPT_LIMITS, deadline: performance.now() + DEFAULT_SCRIPT_LIMITS.perValidationMs, timedOut: false, exhausted: false };
      return runScript(run, names, body, values);
    }) as ReturnType<DefaultEvaluator['evaluator']>;
  }
}

let installed = false;

/** Replaces @formio/core's evaluator (`new Function` in the server process) with the sandboxed one. Idempotent. */
export function installScriptSandbox(): void {
  if (installed) return;
  registerEvaluator(new SandboxEvaluator());
  installed = true;
}

installScriptSandbox();

/**
 * Runs `validate` (one synchronous @formio/core validation) with its scripts limited to `limits`, and
 * throws `FORM_SCRIPT_TIMEOUT` (422) when a script ran out of time and `FORM_SCRIPT_MEMORY` (422) when one ran out
 * of memory, whatever @formio/core made of it.
 */
export function runWithScriptSandbox<T>(validate: () => T, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): T {
  installScriptSandbox();
  const previous = active;
  const run: SandboxRun = { limits, deadline: performance.now() + limits.perValidationMs, timedOut: false, exhausted: false };
  active = run;
  try {
    const result = validate();
    if (run.exhausted) throw new AppError('FORM_SCRIPT_MEMORY', { limit: DEFAULT_SCRIPT_MEMORY.maxOldSpaceSizeMb });
    if (run.timedOut) throw new AppError('FORM_SCRIPT_TIMEOUT', { limit: limits.perEvaluationMs, total: limits.perValidationMs });
    return result;
  } finally {
    active = previous;
  }
}

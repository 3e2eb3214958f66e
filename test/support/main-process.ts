import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The built app, as `npm start` and a deployment run it (npm test builds it first). */
export const MAIN = join(ROOT, 'dist', 'main.js');

/** dist/main.js running as a child process, with what it printed so far. */
export interface MainProcess {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

/** The flags node runs the app with, as `npm start` and `npm run start:api|start:worker` give them (README). */
export const DEPLOYED_NODE_FLAGS = ['--single-threaded-gc'];

/** Starts dist/main.js with these arguments and only this environment (and PATH); `nodeArgs` go to node (`--cpu-prof`). */
export function runMain(args: string[], env: Record<string, string>, nodeArgs: string[] = []): MainProcess {
  let output = '';
  const child = spawn(process.execPath, [...DEPLOYED_NODE_FLAGS, ...nodeArgs, MAIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

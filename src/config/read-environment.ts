import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { Environment } from './load-config';

/**
 * The one place that reads process.env: the process environment over the optional
 * `.env` file and the secrets file `npm start` writes under `data/`.
 */
export function readEnvironment(cwd = process.cwd()): Environment {
  const fromFiles: Environment = {};
  for (const file of ['data/secrets.env', '.env']) {
    const path = `${cwd}/${file}`;
    if (existsSync(path)) Object.assign(fromFiles, parseEnv(readFileSync(path, 'utf8')));
  }
  return { ...fromFiles, ...process.env };
}

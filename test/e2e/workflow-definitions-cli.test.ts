import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config/load-config';
import { prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** The built CLI, as `npm start` runs it: proves the JSON files reach dist and are found there. */
describe(`node dist/cli.js workflows:sync (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const sync = async () => (await promisify(execFile)(process.execPath, [CLI, 'workflows:sync'], { cwd: ROOT, env })).stdout;

  beforeAll(async () => {
    // npm test builds first; a dist older than this feature has no loader to run.
    if (!existsSync(join(ROOT, 'dist', 'workflows', 'definitions', 'builtin-workflows.js'))) throw new Error('dist is missing or stale: run `npm run build` first (npm test does it)');
    database = await createTestDatabase();
    env = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, ...database.env };
    await prepareDatabase(loadConfig(env), false);
  });
  afterAll(() => database?.drop());

  it('publishes the built-in workflows once, then reports them unchanged', async () => {
    expect(await sync()).toMatch(/cluster-pact-review\s+mới, phiên bản 1 \/ new, version 1/);
    expect(await sync()).toMatch(/cluster-pact-review\s+không đổi \(phiên bản 1\) \/ unchanged \(version 1\)/);
  });
});

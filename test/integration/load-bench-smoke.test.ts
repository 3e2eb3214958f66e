import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN } from '../support/main-process';
import { TEST_DIALECT } from '../support/test-database';

/**
 * `npm run bench -- load` in miniature, so that its code never rots: the built app as an api and a worker process on
 * PostgreSQL, a few clients, a few deadlines. It checks what the benchmark did and reported, never how fast.
 */
(TEST_DIALECT === 'postgresql' ? describe : describe.skip)('load benchmark, smoke run (postgresql)', () => {
  const results = mkdtempSync(join(tmpdir(), 'thidua-load-'));
  afterAll(() => rmSync(results, { recursive: true, force: true }));

  it('reads inboxes, saves drafts, submits every form task once and fires every deadline', () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does it)');
    const run = spawnSync('npx', ['ts-node', 'bench/load.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        TEST_DB: 'postgresql',
        TS_NODE_TRANSPILE_ONLY: 'true',
        BENCH_LOAD_CLIENTS: '3',
        BENCH_LOAD_SECONDS: '1',
        BENCH_LOAD_CAMPAIGNS: '2',
        BENCH_DEADLINES: '12',
        BENCH_DEADLINE_WINDOW_MS: '2000',
        BENCH_DEADLINE_LEAD_MS: '3000',
        BENCH_IDLE_MS: '1000',
        BENCH_RESULTS_DIR: results,
      },
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`the benchmark exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
    const written = JSON.parse(readFileSync(join(results, 'load.json'), 'utf8')) as Record<string, Record<string, number>> & { stillOpen: number };
    // Two campaigns of Cluster No. 6: a form task per member unit, each submitted once and accepted.
    expect(written.submissions).toMatchObject({ requests: 12, errors: 0, non2xx: 0 });
    expect(written.stillOpen).toBe(0);
    expect(written.inbox.requests).toBeGreaterThan(0);
    expect(written.drafts).toMatchObject({ errors: 0, non2xx: 0 });
    expect(written.deadlines.count).toBe(12);
    expect(written.idle.api).toBeGreaterThan(0);
    expect(Number.isFinite(written.eventLoop.p99Ms)).toBe(true);
    expect(run.stdout).toMatch(/\| 12 deadlines within 2 s, lateness p99 \| \d+ ms \| < 1000 ms \| [✓✗] \|/);
  }, 300_000);
});

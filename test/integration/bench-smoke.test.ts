import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DIALECT } from '../support/test-database';

/**
 * `npm run bench` is not part of `npm test`; this short run of the engine benchmark keeps its code from rotting. It
 * checks what the benchmark did and reported, never how fast (speed targets live in the benchmark's own output).
 */
describe(`engine benchmark, smoke run (${TEST_DIALECT})`, () => {
  const results = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  afterAll(() => rmSync(results, { recursive: true, force: true }));

  it('runs every command through the engine and the null engine, and reports their ratio', () => {
    const run = spawnSync('npx', ['ts-node', 'bench/engine-throughput.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, TEST_DB: TEST_DIALECT, TS_NODE_TRANSPILE_ONLY: 'true', BENCH_CAMPAIGNS: '2', BENCH_ROUNDS: '1', BENCH_CONCURRENCY: '2', BENCH_RESULTS_DIR: results },
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`the benchmark exited with ${run.status}:\n${run.stderr}`);
    expect(run.stdout).toMatch(new RegExp(`\\[${TEST_DIALECT}\\] acknowledge at concurrency 2: [\\d.]+/s; null engine: [\\d.]+/s; ratio [\\d.]+`));
    const written = JSON.parse(readFileSync(join(results, `engine-throughput-${TEST_DIALECT}.json`), 'utf8')) as { results: Array<{ concurrency: number; hot: boolean; rounds: Array<{ ops: number; conflicts: number }> }>;
      oneTask: { concurrency: number; rounds: Array<{ campaigns: number }>; warmUp: { campaigns: number } } };
    // Two campaigns of Cluster No. 6: one acknowledge task per member unit, six units each.
    expect(written.results).toEqual([
      expect.objectContaining({ concurrency: 2, hot: false, rounds: [expect.objectContaining({ ops: 12 })] }),
      expect.objectContaining({ concurrency: 2, hot: true, rounds: [expect.objectContaining({ ops: 12 })] }),
    ]);
    // And whole one-task campaigns, as many a round as the acknowledge rounds have commands, after a round not counted
    // (the benchmark checks that every one of them ended).
    expect(written.oneTask).toMatchObject({ concurrency: 2, rounds: [expect.objectContaining({ campaigns: 12 })], warmUp: expect.objectContaining({ campaigns: 12 }) });
    expect(run.stdout).toMatch(/one-task campaigns \(launch → approve → end\) at concurrency 2: [\d.]+\/s/);
  }, 300_000);

  // The peer comparison needs PostgreSQL, where bpmn-engine's state is written.
  (TEST_DIALECT === 'postgresql' ? it : it.skip)('runs the three-step approval through thidua and bpmn-engine to the end, and reports the ratio', () => {
    const run = spawnSync('npx', ['ts-node', 'bench/peer-comparison.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, TEST_DB: TEST_DIALECT, TS_NODE_TRANSPILE_ONLY: 'true', BENCH_PROCESSES: '3', BENCH_ROUNDS: '1', BENCH_CONCURRENCY: '2', BENCH_RESULTS_DIR: results },
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`the benchmark exited with ${run.status}:\n${run.stderr}`);
    expect(run.stdout).toMatch(/thidua ÷ the better bpmn-engine: [\d.]+ \(target ≥ 2\)/);
    // The benchmark checks that every process of both engines ended; three of each, in one round.
    const written = JSON.parse(readFileSync(join(results, 'peer-comparison.json'), 'utf8')) as { processes: number; runs: Record<'thidua' | 'held' | 'recovered', number[]> };
    expect(written.processes).toBe(3);
    expect(Object.values(written.runs).map((figures) => figures.length)).toEqual([1, 1, 1]);
  }, 300_000);
});

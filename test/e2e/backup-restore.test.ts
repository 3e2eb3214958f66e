import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../../src/config/load-config';
import { buildOrmOptions } from '../../src/database/orm-options';
import { ENTITIES } from '../../src/entities';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { StoredFilesService } from '../../src/modules/storage/stored-files.service';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PDF = Buffer.from('%PDF-1.4\n% minh chứng sao lưu\n%%EOF\n');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each campaign's event count and chain head, as stored: what a faithful restore must reproduce exactly. */
async function chainHeads(env: Record<string, string>): Promise<Record<string, string>> {
  const orm = await MikroORM.init(buildOrmOptions(loadConfig(env).database, ENTITIES));
  try {
    const rows: { campaign_id: string; events: number | string; head: string }[] = await orm.em
      .getConnection()
      .execute(
        'select e.campaign_id, count(*) as events, max(case when e.seq = (select max(seq) from campaign_event x where x.campaign_id = e.campaign_id) then e.hash end) as head from campaign_event e group by e.campaign_id',
      );
    return Object.fromEntries(rows.map((row) => [row.campaign_id, `${Number(row.events)}:${row.head}`]));
  } finally {
    await orm.close();
  }
}

describe(`node dist/cli.js backup, restore and check (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const targets: TestDatabase[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'thidua-backup-'));
  const sourceEnv = () => ({ PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, STORAGE_DIR: join(folder, 'files-source'), ...t.env });

  /** Runs the built CLI as an operator would; never throws, so that refusals can be asserted. */
  const cli = async (args: string[], env: Record<string, string>): Promise<CliRun> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  /** An empty database of the suite's dialect, with its own storage folder. */
  const emptyTarget = async (name: string) => {
    const database = await createTestDatabase();
    targets.push(database);
    return { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, STORAGE_DIR: join(folder, `files-${name}`), ...database.env };
  };

  beforeAll(async () => {
    // npm test builds first; a dist older than this feature has no backup command to run.
    if (!existsSync(join(ROOT, 'dist', 'database', 'backup', 'backup.js'))) throw new Error('dist is missing or stale: run `npm run build` first (npm test does it)');
    t = await startTestApp({ role: 'all', env: { STORAGE_DIR: join(folder, 'files-source') } });
    // A campaign with some history, and an uploaded file, so that the backup has chains and bytes to carry.
    const admin = await bearerFor(t, 'admin');
    const em = t.app.get(MikroORM).em.fork();
    const clusterId = (await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const version = await publishedVersion(t, 'backup-pact', fourStageDocument());
    const campaign = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: 'Giao ước 2020', year: 2020, clusterId }).expect(201)).body;
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaign.id}`).set(head).expect(200)).body.tasks[0];
    await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const [uploader] = await em.find(Person, {}, { limit: 1 });
    await t.app.get(StoredFilesService).put(PDF, { originalName: 'minh-chung.pdf', uploadedById: uploader.id, purpose: 'evidence' });
  });
  afterAll(async () => {
    await t?.close();
    for (const database of targets) await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('backs up a running app and restores into an empty database with every chain and file intact', async () => {
    const backup = join(folder, 'backup-1');
    const made = await cli(['backup', backup], sourceEnv());
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toMatch(/Đã sao lưu vào \/ Backed up to .*: \d+ phong trào \/ campaigns, \d+ sự kiện \/ events, 1 tệp \/ files/);
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'thidua-backup', dialect: TEST_DIALECT, files: [expect.objectContaining({ path: expect.stringMatching(/^files\//) })] });

    const target = await emptyTarget('restored');
    const restored = await cli(['restore', backup], target);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const source = await chainHeads(sourceEnv());
    const campaigns = Object.keys(source).length;
    expect(campaigns).toBeGreaterThan(0);
    expect(restored.stdout).toContain(`✔ Chuỗi lịch sử nguyên vẹn / intact history chains: ${campaigns}/${campaigns}`);
    expect(restored.stdout).toContain('✔ Tệp đã lưu có đủ / stored files present: 1/1');
    // The same events, to the last hash, for every campaign.
    expect(await chainHeads(target)).toEqual(source);

    // Restoring again over the now-filled database is refused and changes nothing.
    const again = await cli(['restore', backup], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^RESTORE_TARGET_NOT_EMPTY: Cơ sở dữ liệu đích đã có dữ liệu/);
    expect(await chainHeads(target)).toEqual(source);

    // `check` notices an event altered after the fact, naming the campaign and the event.
    const orm = await MikroORM.init(buildOrmOptions(loadConfig(target).database, ENTITIES));
    const [campaignId] = Object.keys(source);
    await orm.em.getConnection().execute(`update campaign_event set type = 'tampered' where campaign_id = ? and seq = 2`, [campaignId]);
    await orm.close();
    const check = await cli(['check'], target);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`✘ Chuỗi lịch sử nguyên vẹn / intact history chains: ${campaigns - 1}/${campaigns}`);
    expect(check.stdout).toMatch(new RegExp(`✘ .*\\(${campaignId}\\): sự kiện 2 / event 2: content changed`));
  });

  it('refuses a damaged backup, one of the other database, and a missing or non-empty folder, touching nothing', async () => {
    const backup = join(folder, 'backup-2');
    expect((await cli(['backup', backup], sourceEnv())).code).toBe(0);
    expect(await cli(['backup', backup], sourceEnv())).toMatchObject({ code: 1, stderr: expect.stringMatching(/^BACKUP_FOLDER_NOT_EMPTY/) });

    const target = await emptyTarget('damaged');
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    const dump = join(backup, manifest.database.path);
    const bytes = readFileSync(dump);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(dump, bytes);
    const damaged = await cli(['restore', backup], target);
    expect(damaged).toMatchObject({ code: 1, stderr: expect.stringMatching(new RegExp(`^BACKUP_CORRUPT: Tệp ${manifest.database.path} của bản sao lưu đã bị thay đổi`)) });
    expect(await chainHeads(target).catch(() => ({}))).toEqual({});

    writeFileSync(join(backup, 'manifest.json'), JSON.stringify({ ...manifest, dialect: TEST_DIALECT === 'sqlite' ? 'postgresql' : 'sqlite' }));
    expect(await cli(['restore', backup], target)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^BACKUP_DIALECT_MISMATCH/) });
    expect(await cli(['restore', join(folder, 'nowhere')], target)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^BACKUP_NOT_FOUND/) });
    expect(await cli(['restore'], target)).toMatchObject({ code: 2, stdout: expect.stringContaining('restore <folder>') });
  });
});

import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { ConfigurationError, loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';
import { BackupError } from './database/backup/backup-error';
import { createBackup, restoreBackup } from './database/backup/backup';
import { migratingOrmOptions } from './database/migrating-orm-options';
import { buildOrmOptions } from './database/orm-options';
import { DemoDataLoader } from './demo/demo-data';
import { ensureDemoSchedules } from './workflows/schedules/demo-schedules';
import { ENTITIES } from './entities';
import { syncBuiltinRulePacksReport } from './modules/commendations/records/builtin-rule-packs-sync';
import { syncBuiltinFormsReport } from './modules/forms/builtin-forms';
import { syncBuiltinScoringTablesReport } from './modules/scoring/builtin-scoring-tables-sync';
import { formatChecks, verifyBundle } from './modules/signing/bundle/verify-bundle';
import { syncBuiltinWorkflowsReport } from './workflows/definitions/builtin-workflows';
import { simulate } from './simulate-command';
import { checkData, countData, dataIsSound, formatDataCheck } from './workflows/maintenance/data-check';

const USAGE = `Usage: thidua <command>
  migrate   apply pending database migrations
  seed      load the demo data (Cluster No. 6, 2020) if missing
  workflows:sync
            load the built-in forms, then the built-in workflows (their stages name forms); publish a new version of each whose content changed
  forms:sync
            load the built-in forms (forms/<domain>/<name>.form.json); publish a new version of each whose content changed
  setup     migrate, load the built-in forms, scoring tables, workflows and rule packs, seed, and schedule the demo year's
            mid-year reports and year-end evaluation
  backup <folder>
            write a consistent backup of the database (SQLite online copy; pg_dump for PostgreSQL) and the stored
            files into a new folder, with a manifest of checksums; the app may keep running
  restore <folder>
            restore a backup into an EMPTY database (refused otherwise), apply newer migrations, then verify every
            campaign's history chain and stored file; exit 1 if anything does not verify. Stop the app first.
  check     verify every campaign's history chain and stored file of the configured database; exit 1 on a failure
  simulate <workflow-key> (--cluster <name> | --unit <code>) --year <year> [--starts YYYY-MM-DD] [--until YYYY-MM-DD]
            [--late 0.3] [--against CODE,CODE] [--decline CODE] [--amend CODE] [--seed N] [--as <username>] [--lang vi|en]
            [--json]
            rehearse a campaign on a virtual clock against a throwaway copy of the database (nothing is kept, no
            queue, notice or mail of the live system is touched) and print its timeline, outcomes and missed deadlines
  verify <bundle.zip>
            check a campaign's verification bundle offline (no database, Redis or network); exit 1 naming every failed check`;

/** `verify` reads no configuration: it must run anywhere, with nothing but the bundle. */
async function verify(path: string | undefined): Promise<void> {
  if (!path) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const checks = await verifyBundle(readFileSync(path));
  process.stdout.write(formatChecks(checks));
  process.exitCode = checks.every((check) => check.ok) ? 0 : 1;
}

/** `backup`, `restore` and `check`: the data's safety, each ending with what was verified. */
async function maintenance(command: 'backup' | 'restore' | 'check', folder: string | undefined): Promise<void> {
  if (command !== 'check' && !folder) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig(readEnvironment());
  const target = { database: config.database, storageDirectory: config.storage.directory, entities: ENTITIES };
  if (command === 'backup') {
    const manifest = await createBackup(target, folder!, (orm) => countData(orm.em.fork()));
    const { campaigns, campaignEvents, storedFiles } = manifest.counts;
    process.stdout.write(
      `Đã sao lưu vào / Backed up to ${folder}: ${campaigns} phong trào / campaigns, ${campaignEvents} sự kiện / events, ` +
        `${manifest.files.length} tệp / files (${config.database.dialect}; ${storedFiles} stored file records)\n`,
    );
    return;
  }
  if (command === 'restore') {
    const { manifest, migrated } = await restoreBackup(target, folder!);
    process.stdout.write(`Đã khôi phục bản sao lưu ngày / Restored the backup of ${manifest.createdAt}\n`);
    if (migrated.length) process.stdout.write(`Migrations: ${migrated.join(', ')}\n`);
  }
  const orm = await MikroORM.init(buildOrmOptions(config.database, ENTITIES));
  try {
    const check = await checkData(orm.em.fork(), config.storage.directory);
    process.stdout.write(formatDataCheck(check));
    process.exitCode = dataIsSound(check) ? 0 : 1;
  } finally {
    await orm.close();
  }
}

async function run(command: string | undefined): Promise<void> {
  if (command === 'verify') return verify(process.argv[3]);
  if (command === 'simulate') {
    const outcome = await simulate(loadConfig(readEnvironment()), process.argv.slice(3));
    if (outcome === 'usage') process.stdout.write(`${USAGE}\n`);
    process.exitCode = { usage: 2, failed: 1, done: 0 }[outcome];
    return;
  }
  if (command === 'backup' || command === 'restore' || command === 'check') return maintenance(command, process.argv[3]);
  if (!command || !['migrate', 'seed', 'workflows:sync', 'forms:sync', 'setup'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const config = loadConfig(readEnvironment());
  const orm = await MikroORM.init(migratingOrmOptions(config.database, ENTITIES));
  try {
    if (command === 'migrate' || command === 'setup') {
      const applied = await orm.getMigrator().up();
      process.stdout.write(`Migrations (${config.database.dialect}): ${applied.length ? applied.map((m) => m.name).join(', ') : 'up to date'}\n`);
    }
    // Forms first, for workflows:sync too: publishing a workflow checks that the forms its stages name exist.
    if (command === 'forms:sync' || command === 'workflows:sync' || command === 'setup') {
      process.stdout.write(await syncBuiltinFormsReport(orm.em.fork()));
      // Scoring tables publish their sheet forms, and workflows' score stages name tables.
      process.stdout.write(await syncBuiltinScoringTablesReport(orm.em.fork()));
    }
    if (command === 'workflows:sync' || command === 'setup') {
      process.stdout.write(await syncBuiltinWorkflowsReport(orm.em.fork()));
    }
    // The app serves the latest published packs; until this has run, the built-in files.
    if (command === 'setup') process.stdout.write(await syncBuiltinRulePacksReport(orm.em.fork()));
    if (command === 'seed' || command === 'setup') {
      const accounts = await new DemoDataLoader(orm.em.fork(), config.demo.password, config.auth.passwordHashing).load();
      process.stdout.write(`\nTài khoản mẫu / Demo accounts (mật khẩu / password: ${config.demo.password}):\n`);
      for (const a of accounts) process.stdout.write(`  ${a.username.padEnd(22)} ${a.fullName.padEnd(24)} ${a.role}\n`);
    }
    if (command === 'setup') {
      const lines = await ensureDemoSchedules(orm.em.fork());
      process.stdout.write(`\nLịch phát động tự động / Scheduled launches:\n${lines.join('\n')}\n`);
    }
  } finally {
    await orm.close();
  }
}

run(process.argv[2]).catch((error: unknown) => {
  const known = error instanceof ConfigurationError || error instanceof BackupError;
  process.stderr.write(`${known ? error.message : (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

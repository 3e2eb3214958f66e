// Removes this run's database templates (test-database.ts): the SQLite files and, when PostgreSQL answers, its
// template databases. Plain JavaScript: jest loads it outside the projects' TypeScript transform.
const { readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const run = process.env.THIDUA_TEST_RUN;
  if (!run) return;
  const stem = `thidua_tpl_${run}_`;
  for (const file of readdirSync(tmpdir()).filter((name) => name.startsWith(stem))) rmSync(join(tmpdir(), file), { force: true });
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await client.connect();
  } catch {
    return; // A SQLite-only run on a machine without PostgreSQL.
  }
  try {
    const { rows } = await client.query("select datname from pg_database where starts_with(datname, $1)", [stem]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
};

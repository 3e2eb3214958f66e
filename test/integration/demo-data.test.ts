import { MikroORM } from '@mikro-orm/core';
import type { PasswordHashing } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { migratingOrmOptions } from '../../src/database/migrating-orm-options';
import { DemoDataLoader } from '../../src/demo/demo-data';
import { ENTITIES } from '../../src/entities';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Mandate } from '../../src/modules/org/entities/mandate.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { RoleGrant } from '../../src/modules/org/entities/role-grant.entity';
import { UnitEvaluation } from '../../src/modules/org/entities/unit-evaluation.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';

describe(`migrations and demo data (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let hashing: PasswordHashing;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', ...database.env });
    hashing = config.auth.passwordHashing;
    orm = await MikroORM.init(migratingOrmOptions(config.database, ENTITIES));
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  const counts = async () => {
    const em = orm.em.fork();
    return {
      units: await em.count(Unit),
      people: await em.count(Person),
      mandates: await em.count(Mandate),
      grants: await em.count(RoleGrant),
      clusters: await em.count(Cluster),
      evaluations: await em.count(UnitEvaluation),
    };
  };

  it('migrates an empty database and finds nothing more to do the second time', async () => {
    const first = await orm.getMigrator().up();
    expect(first.length).toBeGreaterThan(0);
    expect(await orm.getMigrator().up()).toEqual([]);
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  });

  it('loads Cluster No. 6 of 2020 with its six members, head and deputy', async () => {
    const accounts = await new DemoDataLoader(orm.em.fork(), 'pw-12345678', hashing).load();
    expect(accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', 'thanhhoa.vientruong', 'hue.canbo', 'tdkt.vutruong']));

    const em = orm.em.fork();
    const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 }, { populate: ['members', 'headUnit', 'deputyUnit'] });
    expect(cluster.members.getItems().map((u) => u.code).sort()).toEqual(['VKS-HTI', 'VKS-NAN', 'VKS-QBI', 'VKS-QTR', 'VKS-THA', 'VKS-TTH']);
    expect(cluster.headUnit?.name).toBe('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(cluster.deputyUnit?.name).toBe('Viện kiểm sát nhân dân tỉnh Nghệ An');
    const supreme = await em.findOneOrFail(Unit, { code: 'VKSNDTC' });
    expect((await em.find(Unit, { parent: supreme })).length).toBe(7); // six provinces and the department

    for (const code of ['VKS-THA', 'VKS-TTH']) {
      const roles = (await em.find(Mandate, { unit: { code } })).map((m) => m.role).sort();
      expect(roles).toEqual(['head', 'officer']);
    }
    expect(await em.count(RoleGrant, { role: 'council-member' })).toBe(2);
    expect(await em.count(RoleGrant, { role: 'admin' })).toBe(1);
  });

  it('is idempotent: a second load adds and changes nothing', async () => {
    const before = await counts();
    const adminBefore = await orm.em.fork().findOneOrFail(Person, { username: 'admin' });
    await new DemoDataLoader(orm.em.fork(), 'another-password', hashing).load();
    expect(await counts()).toEqual(before);
    const adminAfter = await orm.em.fork().findOneOrFail(Person, { username: 'admin' });
    expect(adminAfter.updatedAt).toEqual(adminBefore.updatedAt);
  });
});

import { MikroORM } from '@mikro-orm/core';
import { AppError } from '../../src/common/errors/app-error';
import { loadConfig } from '../../src/config/load-config';
import { migratingOrmOptions } from '../../src/database/migrating-orm-options';
import { ENTITIES } from '../../src/entities';
import { assertClusterLeaders } from '../../src/modules/org/cluster-leader-rules';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { UnitEvaluation } from '../../src/modules/org/entities/unit-evaluation.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { containsText } from '../../src/modules/org/org-search';
import { onUniqueViolation } from '../../src/modules/org/unique-violation';
import { UnitCsvImportService } from '../../src/modules/org/unit-csv-import.service';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';

/** The database rules the organisation services rely on, checked on each dialect. */
describe(`organisation constraints and queries (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(migratingOrmOptions(loadConfig({ NODE_ENV: 'test', ...database.env }).database, ENTITIES));
    await orm.getMigrator().up();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  const codeOf = async (work: () => Promise<unknown>): Promise<string> => {
    try {
      await work();
      return 'no error';
    } catch (error) {
      return error instanceof AppError ? error.code : (error as Error).constructor.name;
    }
  };

  it('enforces unique unit codes, usernames, cluster names per year and one evaluation per unit and year', async () => {
    const em = orm.em.fork();
    const unit = em.create(Unit, { code: 'U-ONE', name: 'Một' });
    em.create(Person, { username: 'mot', fullName: 'Một' });
    em.create(Cluster, { name: 'Cụm 1', year: 2020 });
    em.create(UnitEvaluation, { unit, year: 2020, evaluated: true });
    await em.flush();

    const duplicate = async (create: (em: typeof orm.em) => void) => {
      const other = orm.em.fork();
      create(other);
      return codeOf(() => onUniqueViolation(() => other.flush(), () => new AppError('IMPORT_CONFLICT')));
    };
    expect(await duplicate((e) => e.create(Unit, { code: 'U-ONE', name: 'Hai' }))).toBe('IMPORT_CONFLICT');
    expect(await duplicate((e) => e.create(Person, { username: 'mot', fullName: 'Hai' }))).toBe('IMPORT_CONFLICT');
    expect(await duplicate((e) => e.create(Cluster, { name: 'Cụm 1', year: 2020 }))).toBe('IMPORT_CONFLICT');
    expect(await duplicate((e) => e.create(UnitEvaluation, { unit: e.getReference(Unit, unit.id), year: 2020, evaluated: false }))).toBe('IMPORT_CONFLICT');
    // Other errors pass through unchanged.
    expect(await codeOf(() => onUniqueViolation(() => Promise.reject(new RangeError('x')), () => new AppError('IMPORT_CONFLICT')))).toBe('RangeError');
    expect(await duplicate((e) => e.create(Cluster, { name: 'Cụm 1', year: 2021 }))).toBe('no error');
  });

  it('searches text case-insensitively for ASCII on both dialects', async () => {
    const em = orm.em.fork();
    em.create(Unit, { code: 'SEARCH-AB', name: 'Viện kiểm sát Thanh Hóa' });
    await em.flush();
    const find = (q: string) => orm.em.fork().find(Unit, containsText(q, ['code', 'name']));
    expect((await find('search-ab')).map((u) => u.code)).toEqual(['SEARCH-AB']);
    expect((await find('THANH hóa')).map((u) => u.code)).toEqual(['SEARCH-AB']);
    expect(await find('nowhere')).toEqual([]);
  });

  it('applies the cluster leader rules to stored evaluations', async () => {
    const em = orm.em.fork();
    const [a, b] = [em.create(Unit, { code: 'LEAD-A', name: 'A' }), em.create(Unit, { code: 'LEAD-B', name: 'B' })];
    em.create(UnitEvaluation, { unit: a, year: 2023, evaluated: false });
    em.create(UnitEvaluation, { unit: b, year: 2023, evaluated: true });
    await em.flush();
    const memberIds = new Set([a.id, b.id]);
    const check = (year: number, head: Unit | null, deputy: Unit | null) => codeOf(() => assertClusterLeaders(orm.em.fork(), { year, memberIds, head, deputy }));
    expect(await check(2024, a, b)).toBe('CLUSTER_LEADER_NOT_EVALUATED');
    expect(await check(2024, b, a)).toBe('CLUSTER_LEADER_NOT_EVALUATED');
    expect(await check(2024, b, null)).toBe('no error');
    expect(await check(2025, a, b)).toBe('no error');
    expect(await check(2024, b, b)).toBe('CLUSTER_LEADER_SAME_UNIT');
    expect(await check(2024, null, em.create(Unit, { code: 'LEAD-C', name: 'C' }))).toBe('CLUSTER_LEADER_NOT_MEMBER');
  });

  it('rolls a unit import back entirely when a code is taken between validation and commit', async () => {
    const service = new UnitCsvImportService(orm.em.fork());
    // Simulate a concurrent writer: right after the import looked up existing codes, another session stores LATE-0350.
    const lookUp = (service as unknown as { existingUnits: (codes: string[]) => Promise<Map<string, Unit>> }).existingUnits.bind(service);
    jest.spyOn(service as never, 'existingUnits').mockImplementation((async (codes: string[]) => {
      const found = await lookUp(codes);
      const other = orm.em.fork();
      other.create(Unit, { code: 'LATE-0350', name: 'Chen ngang' });
      await other.flush();
      return found;
    }) as never);

    // Past the ORM's insert batch size (300), so earlier rows are written by an earlier statement that must be undone.
    const rows = Array.from({ length: 400 }, (_, i) => `LATE-${String(i).padStart(4, '0')},Đơn vị ${i},${i === 0 ? '' : 'LATE-0000'}`);
    expect(await codeOf(() => service.import(['code,name,parentCode', ...rows].join('\n'), false, 'vi'))).toBe('IMPORT_CONFLICT');
    const stored = await orm.em.fork().find(Unit, { code: { $like: 'LATE-%' } });
    expect(stored.map((u) => [u.code, u.name])).toEqual([['LATE-0350', 'Chen ngang']]);
  });
});

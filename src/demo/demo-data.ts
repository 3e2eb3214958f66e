import { EntityManager } from '@mikro-orm/core';
import { PasswordService } from '../common/auth/password.service';
import type { PasswordHashing } from '../config/app-config';
import { Cluster } from '../modules/org/entities/cluster.entity';
import { Mandate, MandateRole } from '../modules/org/entities/mandate.entity';
import { Person } from '../modules/org/entities/person.entity';
import { GrantedRole, RoleGrant } from '../modules/org/entities/role-grant.entity';
import { UnitEvaluation } from '../modules/org/entities/unit-evaluation.entity';
import { Unit } from '../modules/org/entities/unit.entity';
import { StaffYear } from '../modules/commendations/entities/staff-year.entity';
import { RecordsCsvImportService } from '../modules/commendations/records/records-csv-import.service';
import { RulePacksService } from '../modules/commendations/records/rule-packs.service';
import { demoStaff, demoStaffRecordsCsv } from './demo-staff';
import { ADMIN, CLUSTER, CLUSTER_UNITS, COUNCIL_MEMBERS, DEMO_UNIT_LIST, MANDATE_FROM } from './demo-units';

export interface DemoAccount {
  username: string;
  fullName: string;
  role: string;
}

/**
 * Loads the demo cluster idempotently: every record is found by its natural key
 * (unit code, username, …) and created only when missing; nothing existing is changed.
 */
export class DemoDataLoader {
  private readonly passwords: PasswordService;
  private passwordHash?: Promise<string>;

  constructor(
    private readonly em: EntityManager,
    private readonly password: string,
    hashing: PasswordHashing,
  ) {
    this.passwords = new PasswordService(hashing);
  }

  async load(): Promise<DemoAccount[]> {
    const accounts = await this.loadOrganisation();
    await this.loadStaffRecords();
    return accounts;
  }

  private loadOrganisation(): Promise<DemoAccount[]> {
    return this.em.transactional(async (em) => {
      const accounts: DemoAccount[] = [];
      const units = new Map<string, Unit>();
      for (const demo of DEMO_UNIT_LIST) {
        const parent = demo.parent ? units.get(demo.parent) ?? null : null;
        units.set(demo.code, await this.ensureUnit(em, demo.code, demo.name, demo.shortName, parent));
      }

      const admin = await this.ensurePerson(em, ADMIN.username, ADMIN.fullName, ADMIN.position);
      await this.ensureGrant(em, admin, 'admin', null);
      accounts.push({ username: admin.username, fullName: admin.fullName, role: 'admin' });

      const department = units.get('VKSNDTC-TDKT')!;
      for (const member of COUNCIL_MEMBERS) {
        const person = await this.ensurePerson(em, member.username, member.fullName, member.position);
        await this.ensureGrant(em, person, 'council-member', department);
        await this.ensureMandate(em, person, department, 'officer');
        accounts.push({ username: person.username, fullName: person.fullName, role: 'council-member' });
      }

      for (const demo of CLUSTER_UNITS) {
        const unit = units.get(demo.code)!;
        const head = await this.ensurePerson(em, `${demo.slug}.vientruong`, demo.head!, `Viện trưởng ${demo.shortName}`);
        const officer = await this.ensurePerson(em, `${demo.slug}.canbo`, demo.officer!, `Cán bộ thi đua ${demo.shortName}`);
        await this.ensureMandate(em, head, unit, 'head');
        await this.ensureMandate(em, officer, unit, 'officer');
        accounts.push({ username: head.username, fullName: head.fullName, role: `head of ${demo.code}` });
        accounts.push({ username: officer.username, fullName: officer.fullName, role: `officer of ${demo.code}` });
        // Evaluated in the year before, so any member may be appointed head or deputy for the pact year.
        if (!(await em.findOne(UnitEvaluation, { unit, year: CLUSTER.year - 1 }))) {
          em.create(UnitEvaluation, { unit, year: CLUSTER.year - 1, evaluated: true });
        }
      }

      if (!(await em.findOne(Cluster, { name: CLUSTER.name, year: CLUSTER.year }))) {
        const cluster = em.create(Cluster, {
          name: CLUSTER.name,
          year: CLUSTER.year,
          headUnit: units.get(CLUSTER.head)!,
          deputyUnit: units.get(CLUSTER.deputy)!,
        });
        cluster.members.set(CLUSTER_UNITS.map((u) => units.get(u.code)!));
      }
      // The units' staff, whose records commendations are judged on; they do not sign in.
      for (const member of demoStaff()) {
        if (!(await em.findOne(Person, { username: member.username }))) em.create(Person, { username: member.username, fullName: member.fullName, position: member.position });
      }
      await em.flush();
      return accounts;
    });
  }

  /** The staff's past years, through the records import (all or nothing), once: a database that has them is left alone. */
  private async loadStaffRecords(): Promise<void> {
    const em = this.em.fork();
    const first = await em.findOneOrFail(Person, { username: demoStaff()[0].username });
    if (await em.count(StaffYear, { person: first })) return;
    const admin = await em.findOneOrFail(Person, { username: ADMIN.username });
    await new RecordsCsvImportService(em, new RulePacksService()).import(demoStaffRecordsCsv(), false, admin.id, 'vi');
  }

  private async ensureUnit(em: EntityManager, code: string, name: string, shortName: string, parent: Unit | null): Promise<Unit> {
    const existing = await em.findOne(Unit, { code });
    if (existing) return existing;
    const unit = em.create(Unit, { code, name, shortName, parent });
    await em.flush();
    return unit;
  }

  private async ensurePerson(em: EntityManager, username: string, fullName: string, position: string): Promise<Person> {
    const existing = await em.findOne(Person, { username });
    if (existing) return existing;
    this.passwordHash ??= this.passwords.hash(this.password);
    const person = em.create(Person, { username, fullName, position, passwordHash: await this.passwordHash });
    await em.flush();
    return person;
  }

  private async ensureMandate(em: EntityManager, person: Person, unit: Unit, role: MandateRole): Promise<void> {
    if (!(await em.findOne(Mandate, { person, unit, role }))) em.create(Mandate, { person, unit, role, validFrom: MANDATE_FROM });
  }

  private async ensureGrant(em: EntityManager, person: Person, role: GrantedRole, scopeUnit: Unit | null): Promise<void> {
    if (!(await em.findOne(RoleGrant, { person, role, revokedAt: null }))) em.create(RoleGrant, { person, role, scopeUnit });
  }
}

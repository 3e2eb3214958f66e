import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PasswordService } from '../../common/auth/password.service';
import { AppError } from '../../common/errors/app-error';
import { Language } from '../../common/i18n/language';
import { CSV_PROGRESS_CHUNK, CsvImportProgress } from './csv-import-progress';
import { RowProblem, throwIfProblems } from './csv-problems';
import { chunks, reportRepeats, RowCheck } from './csv-row-check';
import { readCsvTable } from './csv-table';
import { ImportResultDto } from './dto/csv-import.dto';
import { Mandate, MANDATE_ROLES, MandateRole } from './entities/mandate.entity';
import { Person } from './entities/person.entity';
import { Unit } from './entities/unit.entity';
import { MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, UNIT_CODE_PATTERN, USERNAME_PATTERN } from './org-formats';

/** The columns of a people file, as the import pages show them and their template lists them. */
export const PERSON_CSV_COLUMNS = {
  required: ['username', 'fullName'],
  optional: ['email', 'position', 'unitCode', 'mandateRole', 'validFrom', 'validTo', 'password'],
} as const;

/** A row as read; a null field failed its check (and is reported) or was left empty. */
interface PersonRow {
  username: string | null;
  fullName: string | null;
  email: string | null;
  position: string | null;
  password: string | null;
  unitCode: string | null;
  mandateRole: MandateRole | null;
  validFrom: string | null;
  validTo: string | null;
}

type ValidPersonRow = PersonRow & { username: string; fullName: string };

/** Argon2 runs on libuv's small thread pool; a few at a time keeps memory bounded (64 MiB each). */
const HASH_CONCURRENCY = 4;

/**
 * Imports people from CSV, each optionally with a mandate for an existing unit
 * (unitCode, mandateRole, validFrom, validTo): all rows or none. Fields are trimmed, so a
 * password set this way cannot begin or end with spaces.
 */
@Injectable()
export class PersonCsvImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordService,
  ) {}

  async import(body: unknown, dryRun: boolean, language: Language, onProgress?: CsvImportProgress): Promise<ImportResultDto> {
    const table = readCsvTable(body, PERSON_CSV_COLUMNS);
    const total = table.records.length;
    onProgress?.('checking', 0, total);
    const problems: RowProblem[] = [...table.problems];
    const checks = table.records.map((record) => new RowCheck(record, problems));
    const rows = checks.map((check, i) => {
      if (i > 0 && i % CSV_PROGRESS_CHUNK === 0) onProgress?.('checking', i, total);
      return this.checkFields(check);
    });
    const firstLine = reportRepeats(
      checks.map((check, i) => ({ check, key: rows[i].username })),
      'username',
    );
    const taken = await this.takenUsernames([...firstLine.keys()]);
    const units = await this.unitsByCode(rows.flatMap((row) => (row.unitCode ? [row.unitCode] : [])));
    rows.forEach((row, i) => this.checkAgainstDatabase(checks[i], row, taken, units));
    onProgress?.('checking', total, total);
    throwIfProblems(problems, language);

    // No problem was reported, so every required field is present.
    const valid = rows as ValidPersonRow[];
    const mandates = valid.filter((row) => row.unitCode).length;
    if (dryRun) return { rows: valid.length, created: 0, mandatesCreated: 0, dryRun: true };
    // Hash before the transaction opens: hashing thousands of passwords takes a while.
    const hashes = await this.hashAll(valid.map((row) => row.password), onProgress);
    await this.write(valid, hashes, units, onProgress);
    return { rows: valid.length, created: valid.length, mandatesCreated: mandates, dryRun: false };
  }

  private checkFields(check: RowCheck): PersonRow {
    const row: PersonRow = {
      username: check.matching('username', USERNAME_PATTERN, 'INVALID_USERNAME', true),
      fullName: check.text('fullName', { required: true, max: MAX_LENGTH.fullName }),
      email: check.email('email', MAX_LENGTH.email),
      position: check.text('position', { max: MAX_LENGTH.position }),
      password: check.text('password', { max: PASSWORD_MAX_LENGTH }),
      unitCode: check.matching('unitCode', UNIT_CODE_PATTERN, 'INVALID_UNIT_CODE'),
      mandateRole: null,
      validFrom: null,
      validTo: null,
    };
    if (row.password !== null && row.password.length < PASSWORD_MIN_LENGTH) check.report('password', 'TOO_SHORT', { min: PASSWORD_MIN_LENGTH });
    const hasUnit = check.value('unitCode') !== '';
    if (!hasUnit) {
      if (['mandateRole', 'validFrom', 'validTo'].some((field) => check.value(field) !== '')) check.report('unitCode', 'MANDATE_UNIT_REQUIRED');
      return row;
    }
    row.mandateRole = check.oneOf('mandateRole', MANDATE_ROLES, 'INVALID_MANDATE_ROLE', true);
    row.validFrom = check.date('validFrom', true);
    row.validTo = check.date('validTo');
    if (row.validFrom && row.validTo && row.validTo < row.validFrom) check.report('validTo', 'MANDATE_DATES_INVALID');
    return row;
  }

  private checkAgainstDatabase(check: RowCheck, row: PersonRow, taken: Set<string>, units: Map<string, Unit>): void {
    if (row.username && taken.has(row.username)) check.report('username', 'USERNAME_TAKEN', { username: row.username });
    if (!row.unitCode) return;
    const unit = units.get(row.unitCode);
    if (!unit) check.report('unitCode', 'UNKNOWN_UNIT', { code: row.unitCode });
    else if (unit.archivedAt) check.report('unitCode', 'UNIT_ARCHIVED', { unit: unit.name, code: row.unitCode });
  }

  /** Usernames already stored, archived people included (their usernames stay taken). */
  private async takenUsernames(usernames: string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const part of chunks(usernames)) {
      for (const person of await this.em.find(Person, { username: { $in: part } }, { fields: ['username'] })) taken.add(person.username);
    }
    return taken;
  }

  private async unitsByCode(codes: string[]): Promise<Map<string, Unit>> {
    const found = new Map<string, Unit>();
    for (const part of chunks([...new Set(codes)])) {
      for (const unit of await this.em.find(Unit, { code: { $in: part } })) found.set(unit.code, unit);
    }
    return found;
  }

  private async hashAll(passwords: (string | null)[], onProgress?: CsvImportProgress): Promise<(string | null)[]> {
    const hashes: (string | null)[] = new Array(passwords.length).fill(null);
    const total = passwords.filter(Boolean).length;
    let next = 0;
    let hashed = 0;
    if (total) onProgress?.('hashing', 0, total);
    const worker = async () => {
      for (let i = next++; i < passwords.length; i = next++) {
        const password = passwords[i];
        if (!password) continue;
        hashes[i] = await this.passwords.hash(password);
        onProgress?.('hashing', ++hashed, total);
      }
    };
    await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
    return hashes;
  }

  private async write(rows: ValidPersonRow[], hashes: (string | null)[], units: Map<string, Unit>, onProgress?: CsvImportProgress): Promise<void> {
    try {
      await this.em.transactional(async (em) => {
        for (const [i, row] of rows.entries()) {
          const person = em.create(Person, {
            username: row.username,
            fullName: row.fullName,
            email: row.email,
            position: row.position,
            passwordHash: hashes[i],
          });
          if (row.unitCode && row.mandateRole && row.validFrom) {
            const unit = em.getReference(Unit, units.get(row.unitCode)!.id);
            em.create(Mandate, { person, unit, role: row.mandateRole, validFrom: row.validFrom, validTo: row.validTo });
          }
          // Flushed in chunks inside the one transaction, so that progress counts rows the database has taken.
          if ((i + 1) % CSV_PROGRESS_CHUNK === 0 && i + 1 < rows.length) {
            await em.flush();
            onProgress?.('writing', i + 1, rows.length);
          }
        }
      });
      onProgress?.('writing', rows.length, rows.length);
    } catch (error) {
      // Another request took a username between validation and commit; the transaction rolled back.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('IMPORT_CONFLICT');
      throw error;
    }
  }
}

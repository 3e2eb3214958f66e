import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Language } from '../../common/i18n/language';
import { CSV_PROGRESS_CHUNK, CsvImportProgress } from './csv-import-progress';
import { RowProblem, throwIfProblems } from './csv-problems';
import { chunks, reportRepeats, RowCheck } from './csv-row-check';
import { readCsvTable } from './csv-table';
import { ImportResultDto } from './dto/csv-import.dto';
import { Unit } from './entities/unit.entity';
import { MAX_LENGTH, UNIT_CODE_PATTERN } from './org-formats';

/** The columns of a units file, as the import pages show them and their template lists them. */
export const UNIT_CSV_COLUMNS = { required: ['code', 'name'], optional: ['shortName', 'parentCode'] } as const;

/** A row as read; a null field failed its check (and is reported) or was left empty. */
interface UnitRow {
  line: number;
  code: string | null;
  name: string | null;
  shortName: string | null;
  parentCode: string | null;
}

type ValidUnitRow = UnitRow & { code: string; name: string };

/**
 * Imports units from CSV (code,name,shortName,parentCode): all rows or none. A parent is an
 * existing unit or one on an earlier line, which also rules out cycles within the file.
 */
@Injectable()
export class UnitCsvImportService {
  constructor(private readonly em: EntityManager) {}

  async import(body: unknown, dryRun: boolean, language: Language, onProgress?: CsvImportProgress): Promise<ImportResultDto> {
    const table = readCsvTable(body, UNIT_CSV_COLUMNS);
    const total = table.records.length;
    onProgress?.('checking', 0, total);
    const problems: RowProblem[] = [...table.problems];
    const checks = table.records.map((record) => new RowCheck(record, problems));
    const rows = checks.map((check, i) => {
      if (i > 0 && i % CSV_PROGRESS_CHUNK === 0) onProgress?.('checking', i, total);
      return this.checkFields(check);
    });
    const firstLine = reportRepeats(
      checks.map((check, i) => ({ check, key: rows[i].code })),
      'code',
    );
    const existing = await this.existingUnits([...firstLine.keys(), ...rows.flatMap((row) => (row.parentCode ? [row.parentCode] : []))]);
    rows.forEach((row, i) => this.checkAgainstOthers(checks[i], row, firstLine, existing));
    onProgress?.('checking', total, total);
    throwIfProblems(problems, language);

    // No problem was reported, so every required field is present.
    const valid = rows as ValidUnitRow[];
    if (dryRun) return { rows: valid.length, created: 0, dryRun: true };
    await this.write(valid, existing, onProgress);
    return { rows: valid.length, created: valid.length, dryRun: false };
  }

  private checkFields(check: RowCheck): UnitRow {
    return {
      line: check.line,
      code: check.matching('code', UNIT_CODE_PATTERN, 'INVALID_UNIT_CODE', true),
      name: check.text('name', { required: true, max: MAX_LENGTH.name }),
      shortName: check.text('shortName', { max: MAX_LENGTH.shortName }),
      parentCode: check.matching('parentCode', UNIT_CODE_PATTERN, 'INVALID_UNIT_CODE'),
    };
  }

  private checkAgainstOthers(check: RowCheck, row: UnitRow, firstLine: Map<string, number>, existing: Map<string, Unit>): void {
    if (row.code && existing.has(row.code)) check.report('code', 'UNIT_CODE_TAKEN', { code: row.code });
    if (!row.parentCode) return;
    if (row.parentCode === row.code) return void check.report('parentCode', 'PARENT_IS_SELF');
    const parentLine = firstLine.get(row.parentCode);
    const existingParent = existing.get(row.parentCode);
    if (existingParent) {
      if (existingParent.archivedAt) check.report('parentCode', 'UNIT_ARCHIVED', { unit: existingParent.name, code: row.parentCode });
    } else if (parentLine === undefined) {
      check.report('parentCode', 'UNKNOWN_PARENT', { code: row.parentCode });
    } else if (parentLine > row.line) {
      check.report('parentCode', 'PARENT_AFTER_CHILD', { code: row.parentCode, line: parentLine });
    }
  }

  /** Units already stored under any of these codes, archived ones included (their codes stay taken). */
  private async existingUnits(codes: string[]): Promise<Map<string, Unit>> {
    const found = new Map<string, Unit>();
    for (const part of chunks([...new Set(codes)])) {
      for (const unit of await this.em.find(Unit, { code: { $in: part } })) found.set(unit.code, unit);
    }
    return found;
  }

  private async write(rows: ValidUnitRow[], existing: Map<string, Unit>, onProgress?: CsvImportProgress): Promise<void> {
    try {
      await this.em.transactional(async (em) => {
        const created = new Map<string, Unit>();
        for (const [i, row] of rows.entries()) {
          const parentId = row.parentCode ? (created.get(row.parentCode)?.id ?? existing.get(row.parentCode)!.id) : null;
          const unit = em.create(Unit, { code: row.code, name: row.name, shortName: row.shortName, parent: parentId ? em.getReference(Unit, parentId) : null });
          created.set(row.code, unit);
          // Flushed in chunks inside the one transaction, so that progress counts rows the database has taken.
          if ((i + 1) % CSV_PROGRESS_CHUNK === 0 && i + 1 < rows.length) {
            await em.flush();
            onProgress?.('writing', i + 1, rows.length);
          }
        }
      });
      onProgress?.('writing', rows.length, rows.length);
    } catch (error) {
      // Another request took a code between validation and commit; the transaction rolled back.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('IMPORT_CONFLICT');
      throw error;
    }
  }
}

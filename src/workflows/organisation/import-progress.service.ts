import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import type { Language } from '../../common/i18n/language';
import { Clock } from '../../modules/calendar/clock';
import type { CsvImportProgress } from '../../modules/org/csv-import-progress';
import type { CsvRowErrorDto } from '../../modules/org/csv-problems';
import { CsvColumns, CsvRecord, readCsvTable } from '../../modules/org/csv-table';
import { PERSON_CSV_COLUMNS, PersonCsvImportService } from '../../modules/org/person-csv-import.service';
import { UNIT_CSV_COLUMNS, UnitCsvImportService } from '../../modules/org/unit-csv-import.service';
import type { ImportKind } from './import-progress';
import { ImportProgressStore, ImportRecord } from './import-progress.store';

/** A file as uploaded: what it holds and its name on the uploader's computer. */
export interface ImportUpload {
  kind: ImportKind;
  fileName: string;
  csv: string;
}

export const IMPORT_COLUMNS: Record<ImportKind, CsvColumns> = { units: UNIT_CSV_COLUMNS, people: PERSON_CSV_COLUMNS };

/** Refreshing the import's claim on every hashed password would be a Redis call each; once in a while is enough. */
const HEARTBEAT_EVERY_MS = 10_000;

const isCsvInvalid = (error: unknown): error is AppError & { details: CsvRowErrorDto[] } => error instanceof AppError && error.code === 'CSV_INVALID';

/**
 * The import pages' two steps over the API's own importers: a preview is their dry run (nothing written) whose
 * every problem is kept with the file; the import runs them for real (checking again, all rows or none). Both report
 * progress as they go; the file and its state live in Redis (ImportProgressStore) for any api process to continue.
 */
@Injectable()
export class ImportProgressService {
  constructor(
    private readonly store: ImportProgressStore,
    private readonly units: UnitCsvImportService,
    private readonly people: PersonCsvImportService,
    private readonly clock: Clock,
  ) {}

  /** Checks the file without writing anything and keeps it for its uploader; the upload's own refusals (empty, too many rows) are thrown. */
  async preview(upload: ImportUpload, owner: Principal, language: Language, onProgress?: CsvImportProgress): Promise<ImportRecord> {
    let problems: CsvRowErrorDto[] = [];
    try {
      await this.importer(upload.kind).import(upload.csv, true, language, onProgress);
    } catch (error) {
      if (!isCsvInvalid(error)) throw error;
      problems = error.details;
    }
    return this.store.create(
      {
        kind: upload.kind,
        ownerId: owner.personId,
        fileName: upload.fileName,
        uploadedAt: this.clock.now().toISOString(),
        rows: readCsvTable(upload.csv, IMPORT_COLUMNS[upload.kind]).records.length,
        problems,
        language,
        state: 'checked',
      },
      upload.csv,
    );
  }

  /** The uploader's record; anyone else's, or one past its hour, is not found. */
  async find(id: string, owner: Principal): Promise<ImportRecord> {
    const record = await this.store.get(id);
    if (!record || record.ownerId !== owner.personId) throw new AppError('IMPORT_PREVIEW_NOT_FOUND');
    return record;
  }

  /** The file's records as read, to show every row (none once imported: the file is not kept past that). */
  async rows(record: ImportRecord): Promise<CsvRecord[] | undefined> {
    if (record.state === 'imported') return undefined;
    const csv = await this.store.file(record.id);
    return csv === undefined ? undefined : readCsvTable(csv, IMPORT_COLUMNS[record.kind]).records;
  }

  /** An import under way whose process has stopped reporting: its claim lapsed. */
  async interrupted(record: ImportRecord): Promise<boolean> {
    return record.state === 'importing' && !(await this.store.isClaimed(record.id));
  }

  /**
   * Imports a previewed file without problems, once: a second request while it runs is refused, one after it has
   * finished gets the result. A refusal (new problems found by the importer's own check, a conflict) is kept with the
   * record for the page and thrown.
   */
  async import(id: string, owner: Principal, language: Language, onProgress?: CsvImportProgress): Promise<ImportRecord> {
    const record = await this.find(id, owner);
    if (record.state === 'imported') return record;
    if (record.problems.length) throw new AppError('CSV_INVALID', { count: new Set(record.problems.map((problem) => problem.row)).size });
    if (!(await this.store.claim(id))) throw new AppError('IMPORT_IN_PROGRESS');
    try {
      const csv = await this.store.file(id);
      if (csv === undefined) throw new AppError('IMPORT_PREVIEW_NOT_FOUND');
      const started: ImportRecord = { ...record, state: 'importing', importStartedAt: this.clock.now().toISOString(), failure: undefined };
      await this.store.save(started);
      const result = await this.run(record.kind, csv, language, this.withHeartbeat(id, onProgress)).catch(async (error: unknown) => {
        // Nothing was written (the importers write all or nothing): back to a checked file, with why.
        const checked: ImportRecord = { ...record, state: 'checked' };
        if (error instanceof AppError) checked.failure = { code: error.code, params: error.params };
        if (isCsvInvalid(error)) Object.assign(checked, { problems: error.details, language });
        await this.store.save(checked);
        throw error;
      });
      const imported: ImportRecord = { ...started, state: 'imported', result: { ...result, importedAt: this.clock.now().toISOString() } };
      await this.store.save(imported);
      await this.store.dropFile(id);
      return imported;
    } finally {
      await this.store.release(id);
    }
  }

  private async run(kind: ImportKind, csv: string, language: Language, onProgress: CsvImportProgress): Promise<{ created: number; mandatesCreated: number }> {
    const result = await this.importer(kind).import(csv, false, language, onProgress);
    return { created: result.created, mandatesCreated: result.mandatesCreated ?? 0 };
  }

  private importer(kind: ImportKind): UnitCsvImportService | PersonCsvImportService {
    return kind === 'units' ? this.units : this.people;
  }

  /** Passes the reports on and keeps the claim alive while they come (the claim lapses when they stop). */
  private withHeartbeat(id: string, onProgress: CsvImportProgress | undefined): CsvImportProgress {
    let last = Date.now();
    return (step, done, total) => {
      onProgress?.(step, done, total);
      if (Date.now() - last < HEARTBEAT_EVERY_MS) return;
      last = Date.now();
      // A missed beat only shortens the claim; the import goes on.
      this.store.heartbeat(id).catch(() => undefined);
    };
  }
}

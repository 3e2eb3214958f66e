import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ErrorCode } from '../../common/errors/error-catalog';
import type { Language } from '../../common/i18n/language';
import { AppConfig } from '../../config/app-config';
import type { CsvRowErrorDto } from '../../modules/org/csv-problems';
import { RedisService } from '../../queue/redis.service';
import type { ImportKind } from './import-progress';

/** A file is kept an hour after its last use: long enough to read the preview, fix nothing and import. */
export const IMPORT_RECORD_TTL_SECONDS = 3600;
/** An import holds its claim this long past its last sign of life (a progress report): a dead process's claim lapses. */
export const IMPORT_CLAIM_TTL_SECONDS = 120;

/** A checked file, its problems and what became of it, kept for its uploader; the file itself is stored apart. */
export interface ImportRecord {
  id: string;
  kind: ImportKind;
  /** The administrator who uploaded it: only they see and import it. */
  ownerId: string;
  fileName: string;
  uploadedAt: string;
  /** Data records read from the file (none when its header or its syntax is wrong). */
  rows: number;
  /** Every problem of the last check, in file order, worded in `language` (the checker's). */
  problems: CsvRowErrorDto[];
  language: Language;
  state: 'checked' | 'importing' | 'imported';
  importStartedAt?: string;
  /** Why the last import wrote nothing, worded in the reader's language when shown. */
  failure?: { code: ErrorCode; params: Record<string, unknown> };
  result?: { created: number; mandatesCreated: number; importedAt: string };
}

const recordKey = (id: string) => `org-import:${id}`;
const fileKey = (id: string) => `org-import:${id}:file`;
const claimKey = (id: string) => `org-import:${id}:claim`;

/**
 * Uploaded CSV files and their checks in Redis (the app's client, its key prefix), so that whichever api process
 * answers the next request finds them. A people file may hold passwords: records and files are sealed with
 * AES-256-GCM under a key derived from the JWT secret, and a file is dropped once imported.
 */
@Injectable()
export class ImportProgressStore {
  private readonly key: Buffer;

  constructor(
    private readonly redis: RedisService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = createHmac('sha256', config.get('auth', { infer: true }).jwtSecret).update('thidua csv imports').digest();
  }

  async create(fields: Omit<ImportRecord, 'id'>, csv: string): Promise<ImportRecord> {
    const record: ImportRecord = { id: randomUUID(), ...fields };
    await this.redis.client.set(fileKey(record.id), this.seal(csv, fileKey(record.id)), 'EX', IMPORT_RECORD_TTL_SECONDS);
    await this.save(record);
    return record;
  }

  async get(id: string): Promise<ImportRecord | undefined> {
    const sealed = await this.redis.client.get(recordKey(id));
    return sealed ? (JSON.parse(this.open(sealed, recordKey(id))) as ImportRecord) : undefined;
  }

  async file(id: string): Promise<string | undefined> {
    const sealed = await this.redis.client.get(fileKey(id));
    return sealed ? this.open(sealed, fileKey(id)) : undefined;
  }

  /** Saves the record and gives it and its file another hour. */
  async save(record: ImportRecord): Promise<void> {
    await this.redis.client.set(recordKey(record.id), this.seal(JSON.stringify(record), recordKey(record.id)), 'EX', IMPORT_RECORD_TTL_SECONDS);
    await this.redis.client.expire(fileKey(record.id), IMPORT_RECORD_TTL_SECONDS);
  }

  async dropFile(id: string): Promise<void> {
    await this.redis.client.del(fileKey(id));
  }

  /** One import at a time per file, across processes: false when another holds it. */
  async claim(id: string): Promise<boolean> {
    return (await this.redis.client.set(claimKey(id), '1', 'EX', IMPORT_CLAIM_TTL_SECONDS, 'NX')) === 'OK';
  }

  /** The import is alive: its claim lasts a while longer. */
  async heartbeat(id: string): Promise<void> {
    await this.redis.client.expire(claimKey(id), IMPORT_CLAIM_TTL_SECONDS);
  }

  async isClaimed(id: string): Promise<boolean> {
    return (await this.redis.client.exists(claimKey(id))) === 1;
  }

  async release(id: string): Promise<void> {
    await this.redis.client.del(claimKey(id));
  }

  /** iv, tag and ciphertext in base64; the key's name is authenticated too, so a value cannot be moved to another key. */
  private seal(plain: string, name: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(name));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private open(sealed: string, name: string): string {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12)).setAAD(Buffer.from(name));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}

import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
import { extensionOf, sanitiseOriginalName } from './file-names';
import { FILE_STORAGE, FileStorage, storageKeyOf } from './file-storage';
import { detectFileType, isEvidenceMediaType } from './sniffing/file-type';
import { StoredFile } from './stored-file.entity';

const MEBIBYTE = 1024 * 1024;

export interface PutFileMeta {
  /** The name the client gave; sanitised before it is kept, never used to decide the type. */
  originalName: string;
  uploadedById: string;
  /** What the file is for, e.g. `evidence`. */
  purpose: string;
  /** Overrides EVIDENCE_MAX_BYTES for this call. */
  maxBytes?: number;
}

/** The limit as people read it, in MB: two decimals (`20`, `0.06`), or two significant digits below 0.01 (`0.00098`). */
export const megabytes = (bytes: number): number => (bytes >= MEBIBYTE / 100 ? Math.round((bytes / MEBIBYTE) * 100) / 100 : Number((bytes / MEBIBYTE).toPrecision(2)));

/**
 * Uploaded files: their rows (StoredFile) and their bytes (FileStorage, content-addressed). Checks size and type by
 * content before anything is written, so a refused upload leaves neither a row nor a file.
 *
 * Authorization is the caller's job: this service stores and returns any file by id. A route that serves evidence must
 * first check that the caller may see what the file belongs to (e.g. the score sheet it was given with).
 */
@Injectable()
export class StoredFilesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores an upload and records it. The bytes are written before the row: should the insert fail, the blob stays
   * as an orphan that the same content would reuse, never a row without its bytes.
   * @throws AppError EVIDENCE_TOO_LARGE (413) past the limit; EVIDENCE_TYPE_REFUSED (415) when the content is not a
   *   PDF, image or office document, whatever its name and declared type say.
   */
  async put(buffer: Buffer, meta: PutFileMeta): Promise<StoredFile> {
    const maxBytes = meta.maxBytes ?? this.config.get('storage', { infer: true }).evidenceMaxBytes;
    if (buffer.length > maxBytes) throw new AppError('EVIDENCE_TOO_LARGE', { limitMb: megabytes(maxBytes) }, { limitBytes: maxBytes, sizeBytes: buffer.length });
    const originalName = sanitiseOriginalName(meta.originalName);
    const detected = detectFileType(buffer, extensionOf(originalName));
    if (!detected || !isEvidenceMediaType(detected.mediaType)) {
      throw new AppError('EVIDENCE_TYPE_REFUSED', { type: detected?.mediaType ?? 'unknown' }, { detectedType: detected?.mediaType ?? null });
    }
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    const storageKey = storageKeyOf(sha256);
    await this.storage.put(storageKey, buffer);

    const em = this.em.fork();
    const file = em.create(StoredFile, {
      sha256,
      sizeBytes: buffer.length,
      mediaType: detected.mediaType,
      originalName,
      storageKey,
      uploadedBy: em.getReference(Person, meta.uploadedById),
      uploadedAt: this.clock.now(),
      purpose: meta.purpose,
    });
    await em.flush();
    return file;
  }

  /** The file's row, or null. */
  find(id: string): Promise<StoredFile | null> {
    return this.em.fork().findOne(StoredFile, { id });
  }

  /**
   * The file's row and a stream of its bytes, for `sendFile`.
   * @throws AppError STORED_FILE_NOT_FOUND (404) for an unknown id.
   */
  async open(id: string): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.find(id);
    if (!file) throw new AppError('STORED_FILE_NOT_FOUND', { id });
    const stream = await this.storage.openReadStream(file.storageKey);
    // A row whose bytes are gone is lost data, not a wrong id: a 500 logged under its errorId.
    if (!stream) throw new Error(`stored file ${file.id}: no bytes under ${file.storageKey}`);
    return { file, stream };
  }
}

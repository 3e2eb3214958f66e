import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { UploadedEvidence } from '../storage/evidence-upload.interceptor';
import { StoredFilesService } from '../storage/stored-files.service';
import { Attachment, withAttachment } from './attachments';

/** A dossier that keeps its files in a list (an initiative's application, a nomination). */
interface Dossier {
  attachments: Attachment[];
}

/**
 * Files added to a dossier while it may still change. The upload is stored (or refused, leaving nothing) first; then,
 * in one transaction, the dossier's row is taken by a write before its list is read, so that two uploads at once
 * both land (SQLite runs one writer; PostgreSQL's row lock makes the second wait).
 */
@Injectable()
export class DossierFiles {
  constructor(
    private readonly em: EntityManager,
    private readonly files: StoredFilesService,
  ) {}

  /**
   * @param take the write that takes the dossier's row (e.g. its updatedAt set), in the transaction's EntityManager
   * @param read the dossier read again in that transaction, checked (still editable) before the file is added
   * @throws AppError ATTACHMENTS_FULL, the upload's EVIDENCE_TOO_LARGE / EVIDENCE_TYPE_REFUSED, and what read throws
   */
  async attach<T extends Dossier>(
    file: UploadedEvidence,
    meta: { uploadedById: string; purpose: string },
    take: (em: EntityManager) => Promise<unknown>,
    read: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    const stored = await this.files.put(file.buffer, { originalName: file.originalname, uploadedById: meta.uploadedById, purpose: meta.purpose });
    return this.em.fork().transactional(async (em) => {
      await take(em);
      const dossier = await read(em);
      dossier.attachments = withAttachment(dossier.attachments, stored);
      return dossier;
    });
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { WorkflowVersion } from './entities/workflow-version.entity';

/** Enough for every version a sector runs at once; past it the cache starts over (a miss costs one read). */
const CACHED_DOCUMENTS = 500;

/**
 * The documents of published workflow versions, kept per version: a published version never changes, and the
 * engine's commands and the inbox need its stages far more often than the row's other columns.
 */
@Injectable()
export class PublishedDocuments {
  private readonly documents = new Map<string, WorkflowDocument>();

  async get(em: EntityManager, versionId: string): Promise<WorkflowDocument> {
    return this.documents.get(versionId) ?? this.remember(versionId, (await em.findOneOrFail(WorkflowVersion, versionId)).document);
  }

  remember(versionId: string, document: WorkflowDocument): WorkflowDocument {
    if (this.documents.size >= CACHED_DOCUMENTS) this.documents.clear();
    this.documents.set(versionId, document);
    return document;
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { WorkflowVersion } from './entities/workflow-version.entity';

/** A published workflow version as a launch needs it: its definition's key, its number, hash and document. */
export interface PublishedVersion {
  id: string;
  key: string;
  number: number;
  contentHash: string;
  document: WorkflowDocument;
}

/** Enough for every version a sector runs at once; past it the cache starts over (a miss costs one read). */
const CACHED_DOCUMENTS = 500;

/**
 * The documents of published workflow versions, kept per version: a published version never changes, and the
 * engine's commands and the inbox need its stages far more often than the row's other columns.
 */
@Injectable()
export class PublishedDocuments {
  private readonly documents = new Map<string, WorkflowDocument>();

  private readonly versions = new Map<string, PublishedVersion>();

  /** The version's document if it is kept already: the hot path then needs no entity manager. */
  cached(versionId: string): WorkflowDocument | undefined {
    return this.documents.get(versionId);
  }

  async get(em: EntityManager, versionId: string): Promise<WorkflowDocument> {
    return this.documents.get(versionId) ?? this.remember(versionId, (await em.findOneOrFail(WorkflowVersion, versionId)).document);
  }

  /** What a launch records of its version, without loading the row again for each campaign; undefined if none. */
  async version(em: EntityManager, versionId: string): Promise<PublishedVersion | undefined> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const version = await em.findOne(WorkflowVersion, { id: versionId }, { populate: ['definition'] });
    if (!version) return undefined;
    const published = { id: version.id, key: version.definition.key, number: version.number, contentHash: version.contentHash, document: version.document };
    if (this.versions.size >= CACHED_DOCUMENTS) this.versions.clear();
    this.versions.set(versionId, published);
    this.remember(versionId, version.document);
    return published;
  }

  remember(versionId: string, document: WorkflowDocument): WorkflowDocument {
    if (this.documents.size >= CACHED_DOCUMENTS) this.documents.clear();
    this.documents.set(versionId, document);
    return document;
  }
}

import { BeforeUpdate, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import type { MergeChangelogEntry } from '../content/amendment-merge';
import type { DocumentContent } from '../content/document-content';
import type { ChangelogEntry } from '../content/document-diff';
import { Document } from './document.entity';

/** Why a version differs from the one it is based on: what each accepted amendment did, and the computed changes. */
export interface DocumentChangelog {
  /** One entry per merged amendment, in the order applied; empty for version 1. */
  amendments: MergeChangelogEntry[];
  /** `changelogEntries(diffVersions(basedOn, this))`; empty for version 1. */
  changes: ChangelogEntry[];
}

/**
 * One immutable version of a document: the normalised content, its hash (what votes and signatures bind to)
 * and how it came from the previous version. Numbers and hashes are unique per document, so two merges
 * racing from the same base cannot both become the next version.
 */
@Entity()
@Unique({ properties: ['document', 'number'] })
@Unique({ properties: ['document', 'contentHash'] })
export class DocumentVersion extends BaseEntity<'basedOn' | 'createdBy'> {
  @ManyToOne(() => Document, { deleteRule: 'restrict' })
  document!: Document;

  /** 1, 2, 3… per document. */
  @Property({ type: 'integer' })
  number!: number;

  /** The normalised DocumentContent (`normaliseContent`), exactly what `contentHash` is computed from. */
  @Property({ type: JsonType })
  content!: DocumentContent;

  /** `documentHash(content)`: SHA-256 (hex) of the canonical JSON of the content. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: JsonType })
  changelog!: DocumentChangelog;

  /** The version the amendments were merged into; null for version 1. */
  @ManyToOne(() => DocumentVersion, { nullable: true, deleteRule: 'restrict' })
  basedOn: DocumentVersion | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  createdBy: Person | null = null;

  /** Versions are written once: a change would silently break every vote and signature bound to the hash. */
  @BeforeUpdate()
  refuseUpdate(): never {
    throw new Error(`DocumentVersion ${this.id} is immutable`);
  }
}

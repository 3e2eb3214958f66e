import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonRefDto } from '../../../common/versioning/versioned-document.dto';
import type { MergeChangelogEntry } from '../content/amendment-merge';
import type { Clause, DocumentContent } from '../content/document-content';
import type { ChangelogEntry, ClauseChange, DocumentDiff, TextPart } from '../content/document-diff';
import type { DocumentChangelog, DocumentVersion } from '../entities/document-version.entity';
import type { Document } from '../entities/document.entity';

export class TextDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class ClauseDto {
  @ApiProperty({ example: 'c-2', description: 'Stable across versions' }) id!: string;
  @ApiProperty({ example: '2', description: 'Display number' }) number!: string;
  @ApiPropertyOptional({ example: 'Thực hành quyền công tố' }) heading?: string;
  @ApiProperty() text!: string;

  static from(clause: Clause): ClauseDto {
    return { id: clause.id, number: clause.number, ...(clause.heading !== undefined && { heading: clause.heading }), text: clause.text };
  }
}

/** The normalised content of a version: what is hashed, voted and signed. */
export class DocumentContentDto {
  @ApiProperty() title!: string;
  @ApiPropertyOptional() preamble?: string;
  @ApiProperty({ type: [ClauseDto] }) clauses!: ClauseDto[];

  /** Always the same key order, whatever order the database keeps JSON keys in. */
  static from(content: DocumentContent): DocumentContentDto {
    return { title: content.title, ...(content.preamble !== undefined && { preamble: content.preamble }), clauses: content.clauses.map(ClauseDto.from) };
  }
}

export class AmendmentChangelogEntryDto {
  @ApiProperty() amendmentId!: string;
  @ApiProperty({ enum: ['replace', 'insert', 'delete'] }) kind!: string;
  @ApiProperty({ description: 'The clause replaced or deleted, or the clause the insert created' }) clauseId!: string;
  @ApiProperty({ description: 'Its number after the merge; for a deleted clause, its number before' }) number!: string;
  @ApiProperty({ type: TextDto }) summary!: TextDto;

  static from(entry: MergeChangelogEntry): AmendmentChangelogEntryDto {
    return { amendmentId: entry.amendmentId, kind: entry.kind, clauseId: entry.clauseId, number: entry.number, summary: { vi: entry.summary.vi, en: entry.summary.en } };
  }
}

export class ChangelogEntryDto {
  @ApiProperty({ enum: ['title', 'preamble', 'added', 'removed', 'changed', 'moved', 'renumbered'] }) kind!: string;
  @ApiPropertyOptional() clauseId?: string;
  @ApiProperty({ type: TextDto }) summary!: TextDto;

  static from(entry: ChangelogEntry): ChangelogEntryDto {
    return { kind: entry.kind, ...(entry.clauseId !== undefined && { clauseId: entry.clauseId }), summary: { vi: entry.summary.vi, en: entry.summary.en } };
  }
}

/** Why a version differs from the one it is based on; both lists are empty for version 1. */
export class DocumentChangelogDto {
  @ApiProperty({ type: [AmendmentChangelogEntryDto], description: 'What each merged amendment did, in the order applied' })
  amendments!: AmendmentChangelogEntryDto[];

  @ApiProperty({ type: [ChangelogEntryDto], description: 'The changes computed from the previous version' })
  changes!: ChangelogEntryDto[];

  static from(changelog: DocumentChangelog): DocumentChangelogDto {
    return { amendments: changelog.amendments.map(AmendmentChangelogEntryDto.from), changes: changelog.changes.map(ChangelogEntryDto.from) };
  }
}

/** A version without its content. */
export class DocumentVersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the normalised content' }) contentHash!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The number of the version the amendments were merged into' }) basedOn!: number | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) createdBy!: PersonRefDto | null;
  @ApiProperty() createdAt!: Date;

  /** Needs `document`, `basedOn` and `createdBy` loaded. */
  static from(version: DocumentVersion): DocumentVersionSummaryDto {
    return {
      id: version.id,
      documentId: version.document.id,
      number: version.number,
      contentHash: version.contentHash,
      basedOn: version.basedOn?.number ?? null,
      createdBy: version.createdBy ? PersonRefDto.from(version.createdBy) : null,
      createdAt: version.createdAt,
    };
  }
}

export class DocumentVersionDto extends DocumentVersionSummaryDto {
  @ApiProperty({ type: DocumentContentDto }) content!: DocumentContentDto;
  @ApiProperty({ type: DocumentChangelogDto }) changelog!: DocumentChangelogDto;

  static override from(version: DocumentVersion): DocumentVersionDto {
    return { ...DocumentVersionSummaryDto.from(version), content: DocumentContentDto.from(version.content), changelog: DocumentChangelogDto.from(version.changelog) };
  }
}

export class DocumentSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) clusterId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: DocumentVersionSummaryDto, description: 'The newest version' }) latest!: DocumentVersionSummaryDto;
  @ApiProperty() createdAt!: Date;

  static from(document: Document, latest: DocumentVersion): DocumentSummaryDto {
    return { id: document.id, title: document.title, clusterId: document.clusterId, campaignId: document.campaignId, latest: DocumentVersionSummaryDto.from(latest), createdAt: document.createdAt };
  }
}

/** A document with every version (newest first, without content) and the content of the latest. */
export class DocumentDto extends DocumentSummaryDto {
  @ApiProperty({ type: DocumentVersionDto, description: 'The newest version with its content' }) declare latest: DocumentVersionDto;
  @ApiProperty({ type: [DocumentVersionSummaryDto], description: 'Newest first' }) versions!: DocumentVersionSummaryDto[];
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentSummaryDto] }) items!: DocumentSummaryDto[];
  @ApiProperty() total!: number;
}

export class TextPartDto {
  @ApiProperty({ enum: ['same', 'added', 'removed'] }) kind!: string;
  @ApiProperty() text!: string;

  static list(parts: TextPart[]): TextPartDto[] {
    return parts.map((part) => ({ kind: part.kind, text: part.text }));
  }
}

export class PositionedClauseDto {
  @ApiProperty({ type: ClauseDto }) clause!: ClauseDto;
  @ApiProperty({ description: 'Position (from 0) in the version it belongs to' }) position!: number;
}

export class ClauseChangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: ClauseDto }) before!: ClauseDto;
  @ApiProperty({ type: ClauseDto }) after!: ClauseDto;
  @ApiPropertyOptional({ type: [TextPartDto] }) heading?: TextPartDto[];
  @ApiPropertyOptional({ type: [TextPartDto] }) text?: TextPartDto[];

  static from(change: ClauseChange): ClauseChangeDto {
    return {
      id: change.id,
      before: ClauseDto.from(change.before),
      after: ClauseDto.from(change.after),
      ...(change.heading && { heading: TextPartDto.list(change.heading) }),
      ...(change.text && { text: TextPartDto.list(change.text) }),
    };
  }
}

export class ClauseMoveDto {
  @ApiProperty() id!: string;
  @ApiProperty() fromNumber!: string;
  @ApiProperty() toNumber!: string;
  @ApiProperty() fromPosition!: number;
  @ApiProperty() toPosition!: number;
}

export class ClauseRenumberingDto {
  @ApiProperty() id!: string;
  @ApiProperty() fromNumber!: string;
  @ApiProperty() toNumber!: string;
}

export class DocumentVersionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() contentHash!: string;
}

/** What changed from version `from` to version `to`, clause by clause (matched by id) and word by word. */
export class DocumentDiffDto {
  @ApiProperty({ type: DocumentVersionRefDto }) from!: DocumentVersionRefDto;
  @ApiProperty({ type: DocumentVersionRefDto }) to!: DocumentVersionRefDto;
  @ApiPropertyOptional({ type: [TextPartDto] }) title?: TextPartDto[];
  @ApiPropertyOptional({ type: [TextPartDto] }) preamble?: TextPartDto[];
  @ApiProperty({ type: [PositionedClauseDto] }) added!: PositionedClauseDto[];
  @ApiProperty({ type: [PositionedClauseDto] }) removed!: PositionedClauseDto[];
  @ApiProperty({ type: [ClauseChangeDto] }) changed!: ClauseChangeDto[];
  @ApiProperty({ type: [ClauseMoveDto] }) moved!: ClauseMoveDto[];
  @ApiProperty({ type: [ClauseRenumberingDto] }) renumbered!: ClauseRenumberingDto[];
  @ApiProperty({ type: [ChangelogEntryDto], description: 'A readable summary of the diff' }) changelog!: ChangelogEntryDto[];

  static from(from: DocumentVersion, to: DocumentVersion, diff: DocumentDiff, changelog: ChangelogEntry[]): DocumentDiffDto {
    const ref = (version: DocumentVersion): DocumentVersionRefDto => ({ id: version.id, number: version.number, contentHash: version.contentHash });
    const positioned = (list: DocumentDiff['added']): PositionedClauseDto[] => list.map(({ clause, position }) => ({ clause: ClauseDto.from(clause), position }));
    return {
      from: ref(from),
      to: ref(to),
      ...(diff.title && { title: TextPartDto.list(diff.title) }),
      ...(diff.preamble && { preamble: TextPartDto.list(diff.preamble) }),
      added: positioned(diff.added),
      removed: positioned(diff.removed),
      changed: diff.changed.map(ClauseChangeDto.from),
      moved: diff.moved.map(({ id, fromNumber, toNumber, fromPosition, toPosition }) => ({ id, fromNumber, toNumber, fromPosition, toPosition })),
      renumbered: diff.renumbered.map(({ id, fromNumber, toNumber }) => ({ id, fromNumber, toNumber })),
      changelog: changelog.map(ChangelogEntryDto.from),
    };
  }
}

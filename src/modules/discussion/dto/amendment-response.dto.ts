import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '../../../common/versioning/versioned-document.dto';
import { DocumentVersionDto } from '../../documents/dto/document-response.dto';
import type { Amendment } from '../entities/amendment.entity';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES } from '../entities/amendment.entity';
import { ActorDto } from './discussion-response.dto';

/** An amendment as proposed and decided; named apart from the documents module's AmendmentDto (the merge input). */
export class ProposedAmendmentDto {
  @ApiProperty({ description: 'Also the amendmentId in the changelog of the version it was merged into' }) id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ example: 2, description: '1, 2, 3… per document in the order proposed; accepted amendments are merged in this order' }) number!: number;
  @ApiProperty({ example: 1 }) baseVersion!: number;
  @ApiProperty({ enum: AMENDMENT_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'c-2' }) clauseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) heading!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty() justification!: string;
  @ApiProperty({ enum: AMENDMENT_STATUSES }) status!: string;
  @ApiProperty({ type: ActorDto, description: 'The proposing unit, and who proposed it under which mandate' }) proposedBy!: ActorDto;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who recorded the decision; null when a vote stage decided' }) decidedBy!: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) pollId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) mergedIntoVersion!: number | null;
  @ApiProperty({ type: Date, nullable: true }) withdrawnAt!: Date | null;
  @ApiProperty({ type: ActorDto, nullable: true }) withdrawnBy!: ActorDto | null;

  /** Needs `proposedBy`, `unit`, `decidedBy`, `withdrawnBy` loaded. */
  static from(amendment: Amendment): ProposedAmendmentDto {
    return {
      id: amendment.id,
      documentId: amendment.document.id,
      number: amendment.number,
      baseVersion: amendment.baseVersion,
      kind: amendment.kind,
      clauseId: amendment.clauseId,
      heading: amendment.heading,
      text: amendment.text,
      justification: amendment.justification,
      status: amendment.status,
      proposedBy: ActorDto.from(amendment.proposedBy, amendment.unit, amendment.mandate),
      createdAt: amendment.createdAt,
      decidedAt: amendment.decidedAt,
      decidedBy: amendment.decidedBy ? PersonRefDto.from(amendment.decidedBy) : null,
      decisionNote: amendment.decisionNote,
      pollId: amendment.pollId,
      mergedIntoVersion: amendment.mergedIntoVersion,
      withdrawnAt: amendment.withdrawnAt,
      withdrawnBy: amendment.withdrawnBy ? ActorDto.from(amendment.withdrawnBy, amendment.unit, amendment.withdrawnMandate) : null,
    };
  }
}

export class AmendmentPageDto {
  @ApiProperty({ type: [ProposedAmendmentDto] }) items!: ProposedAmendmentDto[];
  @ApiProperty() total!: number;
}

export class AmendmentMergeDto {
  @ApiProperty({ type: DocumentVersionDto, nullable: true, description: 'The new version; null when nothing accepted was waiting' })
  version!: DocumentVersionDto | null;
  @ApiProperty({ type: [ProposedAmendmentDto], description: 'The amendments merged into it, in the order applied' })
  merged!: ProposedAmendmentDto[];
}

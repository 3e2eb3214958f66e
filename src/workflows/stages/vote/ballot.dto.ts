import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { BallotReceiptDto } from '../../../modules/voting/dto/poll-response.dto';

export class CastTaskBallotDto {
  /**
   * On a document: agree, disagree or abstain. On a candidate list (suy tôn, the council's vote): `agree` approves every
   * candidate and `abstain` none; to approve some, send `candidateIds` instead.
   */
  @ApiPropertyOptional({ enum: ['agree', 'disagree', 'abstain'], description: 'Required unless candidateIds is given' })
  @ValidateIf((body: CastTaskBallotDto) => body.candidateIds === undefined)
  @IsIn(['agree', 'disagree', 'abstain'])
  choice?: 'agree' | 'disagree' | 'abstain';

  /** On a candidate list: the candidates (unit ids) approved; an empty list approves none. Not with `choice`. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100 })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  candidateIds?: string[];

  /** The subject hash the voter read (the document version's); 409 POLL_SUBJECT_CHANGED when the poll is bound to another. */
  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$' }) @IsOptional() @Matches(/^[0-9a-f]{64}$/) subjectHash?: string;
}

/** The voting module's receipt, and what the campaign's history holds for it. */
export class TaskBallotReceiptDto extends BallotReceiptDto {
  @ApiProperty({ description: "The value written into the campaign's history (event ballot.cast): the receipt, or for a secret ballot sha256(receipt + ':' + auditNonce)" })
  auditEntry!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Secret ballots only: keep it to find your ballot in the history; it is stored nowhere else' })
  auditNonce!: string | null;
}

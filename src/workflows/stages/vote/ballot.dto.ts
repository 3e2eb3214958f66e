import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { BallotReceiptDto } from '../../../modules/voting/dto/poll-response.dto';

export class CastTaskBallotDto {
  @ApiProperty({ enum: ['agree', 'disagree', 'abstain'] }) @IsIn(['agree', 'disagree', 'abstain']) choice!: 'agree' | 'disagree' | 'abstain';

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

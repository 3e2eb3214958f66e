import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The poll page's ballot form. */
export class BallotFormDto {
  @IsIn(['agree', 'disagree', 'abstain']) choice!: 'agree' | 'disagree' | 'abstain';

  /** The member unit voted for (code or id); the person needs a valid mandate for it. */
  @IsString() @MaxLength(64) unit!: string;

  /** The hash of the text the page showed; the poll refuses a ballot on another text. */
  @IsOptional() @Matches(/^[0-9a-f]{64}$/) subjectHash?: string;
}

import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';

/**
 * The poll page's ballot form: a unit's choice on a motion (`choice` and `unit`), or a council member's own ballot on
 * candidates (the ticked `candidate` ids, none ticked approving nobody).
 */
export class BallotFormDto {
  @ValidateIf((form: BallotFormDto) => form.unit !== undefined || form.candidate === undefined)
  @IsIn(['agree', 'disagree', 'abstain'])
  choice?: 'agree' | 'disagree' | 'abstain';

  /** The member unit voted for (code or id); the person needs a valid mandate for it. Absent: the person votes in person. */
  @IsOptional() @IsString() @MaxLength(64) unit?: string;

  /** A form sends one ticked box as a string, several as a list. */
  @IsOptional() @Transform(({ value }) => ([] as unknown[]).concat(value)) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  candidate?: string[];

  /** The hash of the text the page showed; the poll refuses a ballot on another text. */
  @IsOptional() @Matches(/^[0-9a-f]{64}$/) subjectHash?: string;
}

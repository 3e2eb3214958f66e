import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, ValidateNested } from 'class-validator';
import { ProposalDto, ProposedCandidateDto } from '../../../modules/commendations/records/records.dto';

/** The unit's candidates for one title of the stage, in its order of priority (the caps keep the first). */
export class TitleProposalsDto {
  @ApiProperty({ example: 'CSTDCS', description: 'One of the stage’s titles (settings.titles)' })
  @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title!: string;

  @ApiProperty({ type: [ProposedCandidateDto], description: 'Members of the unit’s staff in the campaign’s year; empty proposes nobody for this title' })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ProposedCandidateDto)
  candidates!: ProposedCandidateDto[];
}

/** A unit's answer to a propose task: its candidates per title; an empty list proposes nobody. */
export class SubmitProposalsDto {
  @ApiProperty({ type: [TitleProposalsDto] })
  @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => TitleProposalsDto)
  proposals!: TitleProposalsDto[];
}

export class TaskProposalsDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ type: [ProposalDto], description: 'What the unit proposed through this task' }) proposals!: ProposalDto[];
}

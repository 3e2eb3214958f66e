import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LanguageQueryDto } from '../../org/dto/dto-helpers';
import { AttachmentDto } from '../attachments';
import { APPLICATION_STATUSES, type ApplicationStatus, type InitiativeApplication } from '../entities/initiative-application.entity';
import { INITIATIVE_SCOPES, type InitiativeScope } from '../rules/rule-pack';
import { DecisionSignedDto } from '../dto/decision-fields';

/** An application for the recognition of an initiative, by a unit for itself or for one of its people that year. */
export class SubmitInitiativeDto {
  @ApiProperty({ format: 'uuid', description: 'The submitting unit (its officers or an administrator submit)' }) @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The author, a member of the unit’s staff that year; absent for the unit’s own initiative' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiProperty({ example: 2020 }) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Số hóa hồ sơ kiểm sát án hình sự', maxLength: 500 }) @IsString() @MinLength(3) @MaxLength(500)
  name!: string;

  @ApiProperty({ description: 'What it is and how it works', maxLength: 20000 }) @IsString() @MinLength(10) @MaxLength(20000)
  description!: string;

  @ApiProperty({ description: 'The benefits it brought (hiệu quả, lợi ích)', maxLength: 20000 }) @IsString() @MinLength(10) @MaxLength(20000)
  benefits!: string;

  @ApiProperty({ enum: INITIATIVE_SCOPES, description: 'The scope it is proposed at' }) @IsIn(INITIATIVE_SCOPES)
  scope!: InitiativeScope;
}

/** The council's decision on an application, once its vote is in. */
export class DecideInitiativeDto extends DecisionSignedDto {
  @ApiPropertyOptional({ enum: INITIATIVE_SCOPES, description: 'The scope it is recognised at; by default the one proposed' })
  @IsOptional() @IsIn(INITIATIVE_SCOPES)
  scope?: InitiativeScope;
}

export class InitiativeQueryDto extends LanguageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 2020 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class InitiativeVoteDto {
  @ApiProperty({ enum: ['passed', 'failed', 'no-quorum', 'tie'] }) outcome!: string;
  @ApiProperty({ description: 'The arithmetic in the language of the request' }) summary!: string;
}

export class InitiativeApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() benefits!: string;
  @ApiProperty({ enum: INITIATIVE_SCOPES }) requestedScope!: InitiativeScope;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'The submitting unit' }) unit!: { unitId: string; code: string; name: string };
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'The author when a person’s' }) author!: { personId: string; fullName: string } | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The council’s poll (GET /api/v1/polls/:id; council members vote with POST …/ballots)' })
  pollId!: string | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'Once decided: the decision, the scope recognised (when recognised) and the vote' })
  decision!: { number: string; signedOn: string; scope: InitiativeScope | null; vote: InitiativeVoteDto | null } | null;
  @ApiProperty() submittedAt!: Date;

  static from(application: InitiativeApplication, vote: InitiativeVoteDto | null = null): InitiativeApplicationDto {
    return {
      id: application.id,
      name: application.name,
      description: application.description,
      benefits: application.benefits,
      requestedScope: application.requestedScope,
      year: application.year,
      unit: { unitId: application.unit.id, code: application.unit.code, name: application.unit.name },
      author: application.person ? { personId: application.person.id, fullName: application.person.fullName } : null,
      status: application.status,
      pollId: application.pollId,
      attachments: application.attachments.map((attachment) => ({ ...attachment })),
      decision: application.decisionNumber ? { number: application.decisionNumber, signedOn: application.decidedOn!, scope: application.decidedScope, vote } : null,
      submittedAt: application.createdAt,
    };
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AttachmentDto } from '../attachments';
import { AdvancedExample, EXAMPLE_KINDS, EXAMPLE_STATUSES, type ExampleKind, type ExampleStatus } from '../entities/advanced-example.entity';

/** A unit nominates one of its people that year, or itself, as an advanced example or for a good deed. */
export class NominateExampleDto {
  @ApiProperty({ enum: EXAMPLE_KINDS, description: 'advanced-example (điển hình tiên tiến) or good-deed (Người tốt, việc tốt)' }) @IsIn(EXAMPLE_KINDS)
  kind!: ExampleKind;

  @ApiProperty({ format: 'uuid', description: 'The nominating unit (its officers or an administrator nominate)' }) @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member of its staff that year; absent to nominate the unit itself' }) @IsOptional() @IsUUID()
  personId?: string;

  @ApiProperty({ example: 2020 }) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Dũng cảm cứu người trong lũ', maxLength: 300 }) @IsString() @MinLength(3) @MaxLength(300)
  title!: string;

  @ApiProperty({ description: 'The short account (tóm tắt thành tích)', maxLength: 20000 }) @IsString() @MinLength(10) @MaxLength(20000)
  account!: string;
}

/** The cluster head's review: accepted (published), or declined with the reason. */
export class ReviewExampleDto {
  @ApiProperty({ enum: ['accept', 'decline'] }) @IsIn(['accept', 'decline'])
  decision!: 'accept' | 'decline';

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to decline (422 EXAMPLE_DECLINE_REASON_REQUIRED)' }) @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class ExampleQueryDto {
  @ApiPropertyOptional({ example: 2020 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: EXAMPLE_STATUSES, description: 'accepted: the published list, which everyone signed in reads' }) @IsOptional() @IsIn(EXAMPLE_STATUSES)
  status?: ExampleStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  unitId?: string;
}

export class ExampleReviewDto {
  @ApiProperty() reviewedBy!: string;
  @ApiProperty() reviewedAt!: Date;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
}

export class AdvancedExampleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXAMPLE_KINDS }) kind!: ExampleKind;
  @ApiProperty({ description: 'The nominating unit' }) unit!: { unitId: string; code: string; name: string };
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'The person nominated; null when the unit is' }) person!: { personId: string; fullName: string } | null;
  @ApiProperty() year!: number;
  @ApiProperty() title!: string;
  @ApiProperty() account!: string;
  @ApiProperty({ enum: EXAMPLE_STATUSES }) status!: ExampleStatus;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiPropertyOptional({ type: ExampleReviewDto, nullable: true }) review!: ExampleReviewDto | null;
  @ApiProperty() nominatedAt!: Date;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The ad hoc commendation campaign it was proposed for in one step' }) commendationCampaignId!: string | null;

  /** With its unit, person and reviewer populated. */
  static from(example: AdvancedExample): AdvancedExampleDto {
    return {
      id: example.id,
      kind: example.kind,
      unit: { unitId: example.unit.id, code: example.unit.code, name: example.unit.name },
      person: example.person ? { personId: example.person.id, fullName: example.person.fullName } : null,
      year: example.year,
      title: example.title,
      account: example.account,
      status: example.status,
      attachments: example.attachments.map((attachment) => ({ ...attachment })),
      review: example.reviewedBy && example.reviewedAt ? { reviewedBy: example.reviewedBy.fullName, reviewedAt: example.reviewedAt, note: example.reviewNote } : null,
      nominatedAt: example.createdAt,
      commendationCampaignId: example.commendationCampaignId,
    };
  }
}

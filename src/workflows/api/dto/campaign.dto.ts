import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class LaunchCampaignDto {
  @ApiProperty({ description: 'A published workflow version' }) @IsUUID() workflowVersionId!: string;
  @ApiProperty({ example: 'Giao ước thi đua năm 2020 – Cụm 6' }) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiProperty({ example: 2020 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clusterId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

export class CancelCampaignDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class MigrateCampaignDto {
  @ApiProperty({ format: 'uuid', description: 'A newer published version of the campaign’s workflow' }) @IsUUID() workflowVersionId!: string;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ enum: ['running', 'completed', 'cancelled'] }) @IsOptional() @IsIn(['running', 'completed', 'cancelled']) status?: string;
}

export class TaskCommandDto {
  @ApiProperty({ example: 'acknowledge', description: 'approve | return (review), acknowledge (acknowledge)' })
  @IsString() @MinLength(1) @MaxLength(64)
  command!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class InboxQuery {
  @ApiPropertyOptional({ enum: ['open', 'done', 'all'], default: 'open' }) @IsOptional() @IsIn(['open', 'done', 'all']) status?: 'open' | 'done' | 'all';
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
}

export class StageProgressDto {
  @ApiProperty() total!: number;
  @ApiProperty() done!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Submitted and waiting for a reviewer (stages with review)' }) awaitingReview!: number;
  @ApiProperty() late!: number;
  @ApiProperty({ example: '4/6 xong, 1 chờ duyệt, 1 trễ hạn' }) summary!: string;
}

export class StageRunDto {
  @ApiProperty() id!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty() iteration!: number;
  @ApiProperty({ enum: ['active', 'completed', 'cancelled'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() enteredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ type: StageProgressDto }) progress!: StageProgressDto;
}

export class CampaignDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['running', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty() workflowKey!: string;
  @ApiProperty() workflowVersion!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) clusterId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ type: [String] }) activeStages!: string[];
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) endedAt!: string | null;
}

export class CampaignDetailDto extends CampaignDto {
  @ApiProperty({ type: [StageRunDto] }) stages!: StageRunDto[];
}

export class TaskDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() stageName!: string;
  @ApiProperty() stageType!: string;
  @ApiProperty() iteration!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unitCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) personId!: string | null;
  @ApiProperty({ enum: ['open', 'done', 'cancelled', 'sealed'], description: "sealed: another unit's task in a secret vote with fewer than three ballots, whose state is not shown" }) status!: string;
  @ApiProperty() late!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ type: [String], description: 'Commands the assignee may send' }) commands!: string[];
}

export class InboxDto {
  @ApiProperty({ type: [TaskDto] }) tasks!: TaskDto[];
  @ApiProperty({ example: { open: 3, late: 1, done: 2 } }) counts!: { open: number; late: number; done: number };
}

export class HistoryEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() type!: string;
  @ApiPropertyOptional({ nullable: true, type: Object }) actor!: Record<string, string> | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

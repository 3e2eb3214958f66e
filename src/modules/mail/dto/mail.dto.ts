import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { MAIL_DELIVERIES } from '../entities/mail-preference.entity';

const MAIL_STATUSES = ['held', 'pending', 'sent', 'failed', 'skipped', 'digested'] as const;

export class MailIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class MailListQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES })
  @IsOptional() @IsIn(MAIL_STATUSES)
  status?: (typeof MAIL_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class MailMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['notice', 'digest'] }) kind!: 'notice' | 'digest';
  @ApiPropertyOptional({ nullable: true, type: String, example: 'canbo@vks-nghean.gov.vn' }) recipient!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Nguyễn Văn An' }) personName!: string | null;
  @ApiProperty({ example: '[Thi đua] Nhắc việc: Giao ước 2020' }) subject!: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['smtp', 'folder'], description: 'folder: written to the local mail folder (no SMTP server configured)' }) transport!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The .eml file in the local mail folder' }) fileName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sentAt!: string | null;
}

export class MailMessageDetailDto extends MailMessageDto {
  @ApiProperty({ description: 'The plain-text body' }) text!: string;
}

export class MailListDto {
  @ApiProperty({ enum: ['smtp', 'folder'], description: 'How this deployment sends mail now' }) transport!: string;
  @ApiProperty({ type: [MailMessageDto] }) items!: MailMessageDto[];
}

export class MailPreferenceDto {
  @ApiProperty({ enum: MAIL_DELIVERIES, description: 'immediate: each notice at once; digest: one message a day; none: no e-mail' }) delivery!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The address mail goes to (set by administrators on the person)' }) email!: string | null;
}

export class UpdateMailPreferenceDto {
  @ApiPropertyOptional({ enum: MAIL_DELIVERIES })
  @IsOptional() @IsIn(MAIL_DELIVERIES)
  delivery?: (typeof MAIL_DELIVERIES)[number];

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  language?: (typeof LANGUAGES)[number];
}

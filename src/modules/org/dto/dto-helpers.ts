import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, registerDecorator, ValidateIf } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { isCalendarDate } from '../org-formats';
import { MAX_PAGE_OFFSET } from '../../../common/http/pagination';

/** Optional, but when present not null: for PATCH fields whose column is NOT NULL. */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** A YYYY-MM-DD calendar day. */
export function IsCalendarDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: isCalendarDate, defaultMessage: () => `${String(propertyName)} must be a date written YYYY-MM-DD` },
    });
}

/** Query strings carry text: accept exactly `true` and `false`. */
export const BooleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `?lang=` picks the language of messages; it must survive `forbidNonWhitelisted`. */
export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class PageQueryDto extends LanguageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class ArchivableQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Include archived records', default: false })
  @IsOptional() @BooleanQuery() @IsBoolean()
  includeArchived?: boolean;
}

/** `:id` path parameters: a malformed id is a 400 naming the field, never a database error. */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

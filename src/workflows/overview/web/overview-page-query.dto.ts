import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';

/** The page's query: the year (by default the latest with campaigns) and the language switch's `lang`. */
export class OverviewPageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

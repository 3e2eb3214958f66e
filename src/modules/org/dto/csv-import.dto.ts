import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery, LanguageQueryDto } from './dto-helpers';

export class ImportQueryDto extends LanguageQueryDto {
  @ApiPropertyOptional({ description: 'Validate every row and import nothing', default: false })
  @IsOptional() @BooleanQuery() @IsBoolean()
  dryRun?: boolean;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Data rows in the file' }) rows!: number;
  @ApiProperty({ description: 'Records created (0 on a dry run)' }) created!: number;
  @ApiPropertyOptional({ description: 'Mandates created by a people import' }) mandatesCreated?: number;
  @ApiProperty() dryRun!: boolean;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DecisionSignedDto } from '../../../modules/commendations/dto/decision-fields';

/** One commendation the decision makes instead of the stage's configured awards. */
export class DecisionAwardDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member unit of the campaign' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ example: 'co-thi-dua-vksndtc', description: 'The code of one of the stage’s configured awards' })
  @IsString() @MaxLength(64)
  title!: string;
}

/**
 * A commendation decision (quyết định khen thưởng) as the competent level signed it. Number, date and issuer are
 * checked by the service, so that each problem answers 422 with its own code and the field's path.
 */
export class RecordDecisionDto extends DecisionSignedDto {
  @ApiPropertyOptional({ example: 'Viện trưởng Viện kiểm sát nhân dân tối cao', maxLength: 255, description: 'By default the stage’s configured issuer' })
  @IsOptional() @IsString() @MaxLength(255)
  issuer?: string;

  @ApiPropertyOptional({ type: [DecisionAwardDto], maxItems: 100, description: 'Overrides the configured awards: exactly these commendations' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DecisionAwardDto)
  awards?: DecisionAwardDto[];
}

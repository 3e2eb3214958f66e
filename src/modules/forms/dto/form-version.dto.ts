import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FormVersion } from '../entities/form-version.entity';
import type { FormSchema } from '../form-schema';
import { VersionSummaryDto } from '../../../common/versioning/versioned-document.dto';

export class FormVersionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class FormVersionPairParams {
  @ApiProperty({ format: 'uuid', description: 'The earlier version' })
  @IsUUID()
  a!: string;

  @ApiProperty({ format: 'uuid', description: 'The later version' })
  @IsUUID()
  b!: string;
}

export class FormVersionDto extends VersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen Form.io schema' })
  schema!: FormSchema;

  static override from(version: FormVersion): FormVersionDto {
    return { ...VersionSummaryDto.from(version), schema: version.schema };
  }
}

export class FormComponentChangeDto {
  @ApiProperty({ example: 'clauses.heading', description: 'Data path of the component' }) key!: string;
  @ApiProperty({ type: [String], example: ['label', 'validate.required'] }) fields!: string[];
}

export class FormVersionNumberDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
}

/** What changed from version `a` to version `b`, component by component (matched on data paths). */
export class FormVersionDiffDto {
  @ApiProperty({ type: FormVersionNumberDto, description: 'Version a' }) from!: FormVersionNumberDto;
  @ApiProperty({ type: FormVersionNumberDto, description: 'Version b' }) to!: FormVersionNumberDto;
  @ApiProperty({ type: [String], description: 'Data paths of components only in the later version' }) added!: string[];
  @ApiProperty({ type: [String], description: 'Data paths of components only in the earlier version' }) removed!: string[];
  @ApiProperty({ type: [FormComponentChangeDto] }) changed!: FormComponentChangeDto[];
}

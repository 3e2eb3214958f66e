import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Person } from '../../org/entities/person.entity';
import { FormVersion } from '../entities/form-version.entity';
import type { FormSchema } from '../form-schema';

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

export class FormPublisherDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;

  static from(person: Person): FormPublisherDto {
    return { id: person.id, username: person.username, fullName: person.fullName };
  }
}

/** A published version without its schema. `publishedBy` is null for built-in forms. */
export class FormVersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the schema' }) contentHash!: string;
  @ApiProperty({ type: FormPublisherDto, nullable: true }) publishedBy!: FormPublisherDto | null;
  @ApiProperty() publishedAt!: Date;

  /** Needs `definition` and `publishedBy` loaded. */
  static from(version: FormVersion): FormVersionSummaryDto {
    return {
      id: version.id,
      definitionId: version.definition.id,
      definitionKey: version.definition.key,
      number: version.number,
      contentHash: version.contentHash,
      publishedBy: version.publishedBy ? FormPublisherDto.from(version.publishedBy) : null,
      publishedAt: version.publishedAt,
    };
  }
}

export class FormVersionDto extends FormVersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen Form.io schema' })
  schema!: FormSchema;

  static override from(version: FormVersion): FormVersionDto {
    return { ...FormVersionSummaryDto.from(version), schema: version.schema };
  }
}

export class FormVersionListDto {
  @ApiProperty({ type: [FormVersionSummaryDto], description: 'Newest first' }) items!: FormVersionSummaryDto[];
  @ApiProperty() total!: number;
}

export class FormPublishResultDto {
  @ApiProperty({ description: 'false when the draft was already the latest version (nothing new was published)' })
  created!: boolean;

  @ApiProperty({ type: FormVersionSummaryDto }) version!: FormVersionSummaryDto;
}

export class FormProblemDto {
  @ApiProperty({ example: '$.components[1].components[0].key' }) path!: string;
  @ApiProperty({ example: 'KEY_DUPLICATE' }) code!: string;
  @ApiProperty() message!: string;
}

export class FormValidationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [FormProblemDto] }) problems!: FormProblemDto[];
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { contentHash } from '../../../common/hashing/canonical-json';
import { FormDefinition } from '../entities/form-definition.entity';
import { FormVersion } from '../entities/form-version.entity';
import type { FormSchema } from '../form-schema';

/** `<domain>/<name>` or a single kebab-case name, like the built-in files `forms/<domain>/<name>.form.json`. */
export const FORM_KEY_PATTERN = /^[a-z][a-z0-9-]{0,59}(\/[a-z][a-z0-9-]{0,79})?$/;

const schemaProperty = {
  type: 'object',
  additionalProperties: true,
  description: 'The Form.io form schema (free JSON here; its structure is checked by validate and publish)',
  example: {
    display: 'form',
    components: [
      { type: 'textfield', key: 'unitName', label: 'Tên đơn vị', input: true, validate: { required: true } },
      { type: 'button', key: 'submit', label: 'Gửi', action: 'submit', input: true },
    ],
  },
} as const;

export class FormIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class FormListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;
}

export class CreateFormDto {
  @ApiProperty({ example: 'pact/title-registration' })
  @IsString() @Matches(FORM_KEY_PATTERN, { message: 'key must be a lowercase kebab-case name, optionally prefixed by a domain and a slash (pact/title-registration)' })
  key!: string;

  @ApiProperty({ example: 'Đăng ký danh hiệu thi đua' })
  @IsString() @MinLength(1) @MaxLength(255)
  name!: string;

  @ApiProperty(schemaProperty)
  @IsObject()
  schema!: Record<string, unknown>;
}

export class UpdateFormDraftDto {
  @ApiPropertyOptional({ example: 'Đăng ký danh hiệu thi đua' })
  @ValidateIf((_object, value) => value !== undefined) @IsString() @MinLength(1) @MaxLength(255)
  name?: string;

  @ApiProperty(schemaProperty)
  @IsObject()
  schema!: Record<string, unknown>;
}

export class FormVersionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedAt!: Date;

  static from(version: FormVersion): FormVersionRefDto {
    return { id: version.id, number: version.number, contentHash: version.contentHash, publishedAt: version.publishedAt };
  }
}

export class FormSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Loaded from forms/<domain>/<name>.form.json; its draft is not edited through the API' }) builtIn!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Number of the latest published version' }) latestVersion!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(definition: FormDefinition, latest: number | null): FormSummaryDto {
    return {
      id: definition.id,
      key: definition.key,
      name: definition.name,
      builtIn: definition.builtIn,
      latestVersion: latest,
      createdAt: definition.createdAt,
      updatedAt: definition.updatedAt,
    };
  }
}

export class FormPageDto {
  @ApiProperty({ type: [FormSummaryDto] }) items!: FormSummaryDto[];
  @ApiProperty() total!: number;
}

/** One form with its draft and what was last published. */
export class FormDto extends FormSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) draft!: FormSchema;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the draft' }) draftHash!: string;
  @ApiProperty({ description: 'Whether the draft is exactly the latest version' }) draftPublished!: boolean;
  @ApiProperty({ type: FormVersionRefDto, nullable: true }) latest!: FormVersionRefDto | null;

  static fromDraft(definition: FormDefinition, latest: FormVersion | null): FormDto {
    const draftHash = contentHash(definition.draft);
    return {
      ...FormSummaryDto.from(definition, latest?.number ?? null),
      draft: definition.draft,
      draftHash,
      draftPublished: latest?.contentHash === draftHash,
      latest: latest ? FormVersionRefDto.from(latest) : null,
    };
  }
}

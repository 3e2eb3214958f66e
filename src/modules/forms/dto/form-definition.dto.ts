import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { FormDefinition } from '../entities/form-definition.entity';
import { FormVersion } from '../entities/form-version.entity';
import type { FormSchema } from '../form-schema';
import { DraftStateDto } from '../../../common/versioning/versioned-document.dto';

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

/** One form with its draft and what was last published. */
export class FormDto extends DraftStateDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) draft!: FormSchema;

  static fromDraft(definition: FormDefinition, latest: FormVersion | null): FormDto {
    return { ...DraftStateDto.of(definition, latest), draft: definition.draft };
  }
}

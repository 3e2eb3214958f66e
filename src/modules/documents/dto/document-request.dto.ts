import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { MAX_PAGE_OFFSET } from '../../../common/http/pagination';

const contentExample = {
  title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
  preamble: 'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua.',
  clauses: [{ id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ.' }],
};

/** `?lang=` picks the language of messages and labels; it must survive `forbidNonWhitelisted`. */
export class DocumentLanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class DocumentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class DocumentVersionParams extends DocumentIdParams {
  @ApiProperty({ minimum: 1, example: 1 })
  @Type(() => Number) @IsInt() @Min(1)
  number!: number;
}

export class DocumentListQueryDto extends DocumentLanguageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the documents of this cluster' })
  @IsOptional() @IsUUID()
  clusterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the documents of this campaign' })
  @IsOptional() @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class DocumentDiffQueryDto extends DocumentLanguageQueryDto {
  @ApiProperty({ minimum: 1, description: 'Number of the earlier version', example: 1 })
  @Type(() => Number) @IsInt() @Min(1)
  from!: number;

  @ApiProperty({ minimum: 1, description: 'Number of the later version', example: 2 })
  @Type(() => Number) @IsInt() @Min(1)
  to!: number;
}

/**
 * A new document with version 1, from exactly one of `content` (a DocumentContent) or `pactDraft` (the data of a
 * `pact/pact-draft` form submission). The content itself is checked by the document core, which reports every
 * problem at once (422 DOCUMENT_CONTENT_INVALID), so it is free JSON here.
 */
export class CreateDocumentDto {
  @ApiPropertyOptional({ example: 'Giao ước thi đua năm 2020 - Cụm thi đua số 6', description: 'Shown in lists; the title of version 1 when absent' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: contentExample, description: 'title, preamble?, clauses [{ id, number, heading?, text }]' })
  @IsOptional() @IsObject()
  content?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The data of a pact/pact-draft submission (title, year, preamble, clauses, movements…)' })
  @IsOptional() @IsObject()
  pactDraft?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  clusterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  campaignId?: string;
}

/** One accepted amendment (đề xuất sửa đổi) to merge; see `Amendment` in the document core. */
export class AmendmentDto {
  @ApiProperty({ example: 'a-2020-01' })
  @IsString() @MinLength(1) @MaxLength(100)
  id!: string;

  @ApiProperty({ enum: ['replace', 'insert', 'delete'] })
  @IsIn(['replace', 'insert', 'delete'])
  kind!: 'replace' | 'insert' | 'delete';

  @ApiProperty({ type: String, nullable: true, example: 'c-2', description: 'The clause changed; for an insert, the clause it follows (null: at the start)' })
  @ValidateIf((_object, value) => value !== null) @IsString()
  clauseId!: string | null;

  @ApiPropertyOptional({ example: '2', description: 'What the proposer called the clause (informational)' })
  @IsOptional() @IsString() @MaxLength(20)
  number?: string;

  @ApiPropertyOptional({ description: "replace: the new heading ('' removes it); insert: the heading of the new clause" })
  @IsOptional() @IsString() @MaxLength(500)
  heading?: string;

  @ApiPropertyOptional({ description: 'replace and insert: the new text' })
  @IsOptional() @IsString() @MaxLength(20000)
  text?: string;

  @ApiProperty({ example: 'Đề xuất của Viện kiểm sát nhân dân tỉnh Quảng Bình' })
  @IsString() @MaxLength(5000)
  justification!: string;
}

/** The next version from the accepted amendments to `baseVersion`, which must be the latest version. */
export class AddDocumentVersionDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'The version the amendments were proposed and decided on' })
  @IsInt() @Min(1)
  baseVersion!: number;

  @ApiProperty({ type: [AmendmentDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AmendmentDto)
  amendments!: AmendmentDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ids of the amendments in the order to apply them; the order of `amendments` when absent' })
  @IsOptional() @IsArray() @IsString({ each: true })
  order?: string[];
}

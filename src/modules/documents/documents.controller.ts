import { Body, Controller, Get, Param, Post, Query, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { LANGUAGES, resolveLanguage } from '../../common/i18n/language';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { DocumentFile, DocumentsService } from './documents.service';
import { AddDocumentVersionDto, CreateDocumentDto, DocumentDiffQueryDto, DocumentIdParams, DocumentLanguageQueryDto, DocumentListQueryDto, DocumentVersionParams } from './dto/document-request.dto';
import { DocumentDiffDto, DocumentDto, DocumentPageDto, DocumentVersionDto } from './dto/document-response.dto';

function download(file: DocumentFile, type: string): StreamableFile {
  return new StreamableFile(file.body, { type, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
}

/** Documents such as pacts (giao ước thi đua): any signed-in person reads them; administrators create them for now. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Documents, newest first, each with its latest version (without content); filter by cluster or campaign. */
  @Get()
  @ApiOkResponse({ type: DocumentPageDto })
  list(@Query() query: DocumentListQueryDto): Promise<DocumentPageDto> {
    return this.documents.list(query);
  }

  /**
   * A new document with version 1 from `content` or from `pactDraft` (the data of a pact/pact-draft submission).
   * The content is normalised (Unicode NFC, whitespace) and hashed; every problem is reported at once.
   */
  @Post()
  @Roles('admin')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key answers the first document instead of creating another' })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiUnprocessableEntityResponse({ description: 'DOCUMENT_CONTENT_INVALID (every problem in details)' })
  create(@Body() body: CreateDocumentDto, @CurrentPrincipal() principal: Principal): Promise<DocumentDto> {
    return this.documents.create(body, principal.personId);
  }

  /** The document, the content of its latest version and every version (newest first). */
  @Get(':id')
  @ApiOkResponse({ type: DocumentDto })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  get(@Param() { id }: DocumentIdParams): Promise<DocumentDto> {
    return this.documents.get(id);
  }

  /** The next version, from accepted amendments to `baseVersion`; refused when `baseVersion` is not the latest. */
  @Post(':id/versions')
  @Roles('admin')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key answers the version created instead of DOCUMENT_VERSION_STALE' })
  @ApiCreatedResponse({ type: DocumentVersionDto })
  @ApiConflictResponse({ description: 'DOCUMENT_VERSION_STALE, DOCUMENT_CONTENT_EXISTS, AMENDMENT_CONFLICT' })
  @ApiUnprocessableEntityResponse({ description: 'AMENDMENT_INVALID, AMENDMENT_TARGET_MISSING, DOCUMENT_CONTENT_INVALID' })
  addVersion(@Param() { id }: DocumentIdParams, @Body() body: AddDocumentVersionDto, @CurrentPrincipal() principal: Principal): Promise<DocumentVersionDto> {
    return this.documents.addVersion(id, body, principal.personId);
  }

  /** Word-level changes from version `from` to version `to` (numbers), with a readable changelog. */
  @Get(':id/diff')
  @ApiOkResponse({ type: DocumentDiffDto })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND, DOCUMENT_VERSION_NOT_FOUND' })
  diff(@Param() { id }: DocumentIdParams, @Query() query: DocumentDiffQueryDto): Promise<DocumentDiffDto> {
    return this.documents.diff(id, query.from, query.to);
  }

  /** One version of a document, with its text and content hash. */
  @Get(':id/versions/:number')
  @ApiOkResponse({ type: DocumentVersionDto })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND, DOCUMENT_VERSION_NOT_FOUND' })
  version(@Param() { id, number }: DocumentVersionParams): Promise<DocumentVersionDto> {
    return this.documents.getVersion(id, number);
  }

  /** The version as Markdown, labels in the request's language (`?lang=`, Accept-Language). */
  @Get(':id/versions/:number/markdown')
  @ApiProduces('text/markdown')
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiOkResponse({ description: 'A Markdown file (attachment)', schema: { type: 'string' } })
  async markdown(@Param() { id, number }: DocumentVersionParams, @Query() _query: DocumentLanguageQueryDto, @Req() request: Request): Promise<StreamableFile> {
    return download(await this.documents.markdown(id, number, resolveLanguage(request)), 'text/markdown; charset=utf-8');
  }

  /** The version as a PDF with embedded DejaVu Sans, ending with a signature page once units have signed it; the same version and signatures always give the same bytes. */
  @Get(':id/versions/:number/pdf')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiOkResponse({ description: 'A PDF file (attachment)', schema: { type: 'string', format: 'binary' } })
  async pdf(@Param() { id, number }: DocumentVersionParams, @Query() _query: DocumentLanguageQueryDto, @Req() request: Request): Promise<StreamableFile> {
    return download(await this.documents.pdf(id, number, resolveLanguage(request)), 'application/pdf');
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import type { ActingFor } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { Language } from '../../common/i18n/language';
import { PrincipalService } from '../../modules/auth/principal.service';
import { AmendmentsService } from '../../modules/discussion/amendments.service';
import { DiscussionService } from '../../modules/discussion/discussion.service';
import { ThreadListQueryDto } from '../../modules/discussion/dto/discussion-request.dto';
import type { ThreadDetailDto } from '../../modules/discussion/dto/discussion-response.dto';
import { AMENDMENT_KINDS, AmendmentKind } from '../../modules/discussion/entities/amendment.entity';
import { DocumentsService } from '../../modules/documents/documents.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { CampaignAmendmentsService } from '../stages/discussion/campaign-amendments.service';
import { amendmentPollsOf } from '../stages/discussion/discussion.effects';
import { CampaignPageReader } from './campaign-page-reader.service';
import { DOCUMENT_FLASH_TEXTS, dt, DocumentWebTextKey } from './document-web-texts';
import { DOCUMENT_PAGE_STYLE } from './views/document-page.style';
import { documentDiffView, MergedAmendmentLine } from './views/document-diff.view';
import { AmendmentWindow, DocumentFormFailure, documentView } from './views/document.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';

/** Threads shown per version: a pact has a handful of clauses, and a discussion lasts weeks, not years. */
const THREADS_SHOWN = 500;
const VERSION_NUMBER = /^[1-9]\d{0,5}$/;

/** The form that opens a thread; blank text is refused by the page with the catalog's VALIDATION_FAILED. */
export class ThreadFormDto {
  /** Empty: the whole document. */
  @IsOptional() @IsString() @MaxLength(64)
  clauseId?: string;

  @IsString() @MaxLength(500)
  title!: string;

  @IsString() @MaxLength(10000)
  body!: string;

  /** The unit code written for; absent when the person holds one mandate. */
  @IsOptional() @IsString() @MaxLength(64)
  unit?: string;
}

export class CommentFormDto {
  @IsString() @MaxLength(10000)
  body!: string;

  @IsOptional() @ValidateIf((_object, value) => value !== '') @IsUUID()
  parentId?: string;

  @IsOptional() @IsString() @MaxLength(64)
  unit?: string;
}

/** The amendment form: empty text and justification reach the service, which refuses them with their own codes. */
export class AmendmentFormDto {
  @IsString() @Matches(VERSION_NUMBER)
  baseVersion!: string;

  @IsIn(AMENDMENT_KINDS)
  kind!: AmendmentKind;

  /** Empty: for an insert, at the start of the document. */
  @IsOptional() @IsString() @MaxLength(64)
  clauseId?: string;

  @IsOptional() @IsString() @MaxLength(500)
  heading?: string;

  @IsOptional() @IsString() @MaxLength(20000)
  text?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  justification?: string;

  @IsOptional() @IsString() @MaxLength(64)
  unit?: string;
}

interface RenderExtra {
  version?: number;
  flash?: string;
  failure?: DocumentFormFailure;
  status?: number;
}

/**
 * Pages of a document (văn bản) and its discussion: a version with its clauses, the threads on each clause, the
 * amendments and their polls, and plain forms to comment and propose; and the changes between two versions.
 * Anyone signed in reads; writing goes through the same services as the API, for a unit the person holds a mandate for.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('documents')
export class DocumentPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
    private readonly discussion: DiscussionService,
    private readonly amendments: AmendmentsService,
    private readonly campaignAmendments: CampaignAmendmentsService,
    private readonly documents: DocumentsService,
    private readonly reader: CampaignPageReader,
  ) {}

  @Get(':id')
  async page(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const flashCode = typeof request.query.flash === 'string' ? request.query.flash : undefined;
    const flash = flashCode && Object.hasOwn(DOCUMENT_FLASH_TEXTS, flashCode) ? DOCUMENT_FLASH_TEXTS[flashCode][viewer.language] : undefined;
    // A version that is not a number shows the latest rather than an error; a number that is not a version is a 404.
    const v = typeof request.query.v === 'string' && VERSION_NUMBER.test(request.query.v) ? Number(request.query.v) : undefined;
    await this.render(request, response, viewer, id, { version: v, flash });
  }

  @Get(':id/diff')
  async diff(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const document = await this.documents.get(id);
    const number = (value: unknown): number | undefined => (typeof value === 'string' && VERSION_NUMBER.test(value) ? Number(value) : undefined);
    const to = number(request.query.to) ?? document.latest.number;
    const from = number(request.query.from) ?? Math.max(1, to - 1);
    const diff = await this.documents.diff(id, from, to);
    this.shell.send(request, response, viewer, {
      title: dt(language, 'diffTitle', { title: document.title, from, to }),
      styles: DOCUMENT_PAGE_STYLE,
      content: documentDiffView({ language, document, diff, amendments: await this.mergedBetween(id, from, to) }),
    });
  }

  @Post(':id/threads')
  async openThread(@Param('id', ParseUUIDPipe) id: string, @Body() form: ThreadFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/documents/${id}`);
    if (!viewer) return;
    const target = form.clauseId || 'document';
    try {
      this.requireText(viewer.language, { threadTitle: form.title, threadBody: form.body });
      const actingFor = await this.writingFor(viewer, form.unit, 'discussion');
      const thread = await this.discussion.openThread(id, { title: form.title, body: form.body, clauseId: form.clauseId || null }, { personId: viewer.principal.personId, actingFor });
      return redirectSeeOther(response, `/documents/${id}?flash=thread-opened#thread-${thread.id}`);
    } catch (error) {
      await this.refuse(error, request, response, viewer, id, { form: 'thread', target, values: { title: form.title, body: form.body, unit: form.unit ?? '' } });
    }
  }

  @Post(':id/threads/:threadId/comments')
  async comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('threadId', ParseUUIDPipe) threadId: string,
    @Body() form: CommentFormDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/documents/${id}`);
    if (!viewer) return;
    const thread = await this.threadOf(id, threadId);
    const parentId = form.parentId || undefined;
    try {
      this.requireText(viewer.language, { [parentId ? 'replyBody' : 'commentBody']: form.body });
      const actingFor = await this.writingFor(viewer, form.unit, 'discussion');
      const comment = await this.discussion.addComment(threadId, { body: form.body, parentId }, { personId: viewer.principal.personId, actingFor });
      return redirectSeeOther(response, `/documents/${id}?v=${thread.versionNumber}&flash=comment-added#comment-${comment.id}`);
    } catch (error) {
      await this.refuse(error, request, response, viewer, id, {
        form: 'comment',
        target: parentId ? `${threadId}:${parentId}` : threadId,
        values: { body: form.body, unit: form.unit ?? '' },
        version: thread.versionNumber,
      });
    }
  }

  /** Proposes during the campaign's discussion, which opens the amendment's poll at once (DISCUSSION_NOT_OPEN otherwise). */
  @Post(':id/amendments')
  async propose(@Param('id', ParseUUIDPipe) id: string, @Body() form: AmendmentFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/documents/${id}`);
    if (!viewer) return;
    try {
      const document = await this.documents.get(id);
      if (!document.campaignId) throw new AppError('DISCUSSION_NOT_OPEN', { name: document.title });
      const actingFor = await this.writingFor(viewer, form.unit, 'amendment');
      const { amendment } = await this.campaignAmendments.propose(
        document.campaignId,
        {
          baseVersion: Number(form.baseVersion),
          kind: form.kind,
          clauseId: form.clauseId || null,
          // An empty heading field keeps the clause's heading: the form says the field is optional.
          ...(form.kind !== 'delete' && form.heading?.trim() ? { heading: form.heading } : {}),
          ...(form.kind !== 'delete' && { text: form.text ?? '' }),
          justification: form.justification ?? '',
        },
        viewer.principal,
        actingFor,
      );
      return redirectSeeOther(response, `/documents/${id}?flash=amendment-proposed#amendment-${amendment.number}`);
    } catch (error) {
      const values = { kind: form.kind, clauseId: form.clauseId ?? '', heading: form.heading ?? '', text: form.text ?? '', justification: form.justification ?? '', unit: form.unit ?? '' };
      await this.refuse(error, request, response, viewer, id, { form: 'amendment', target: 'amendment', values });
    }
  }

  /** The page again with the catalog's message in the form that failed, in the status the API would answer. */
  private async refuse(
    error: unknown,
    request: Request,
    response: Response,
    viewer: PageViewer,
    id: string,
    failed: Omit<DocumentFormFailure, 'code' | 'message'> & { version?: number },
  ): Promise<void> {
    if (!(error instanceof AppError)) throw error;
    const refusal = toErrorResponse(error, viewer.language, request.path);
    response.set(refusal.headers);
    const { version, ...failure } = failed;
    await this.render(request, response, viewer, id, {
      version,
      status: refusal.status,
      failure: { ...failure, code: refusal.body.code, message: refusal.body.message },
    });
  }

  private async render(request: Request, response: Response, viewer: PageViewer, id: string, extra: RenderExtra): Promise<void> {
    const { language, principal } = viewer;
    const document = await this.documents.get(id);
    const number = extra.version ?? document.latest.number;
    const version = number === document.latest.number ? document.latest : await this.documents.getVersion(id, number);
    const [threads, amendments, units, campaign, signing] = await Promise.all([
      this.threadsOf(id, number),
      this.amendments.list(id),
      this.principals.actingForAll(principal.personId),
      this.campaignOf(document.campaignId),
      this.reader.signingOfVersion(version.id),
    ]);
    const clauseNumbers = new Map<string, string>();
    const bases = [...new Set(amendments.items.map((amendment) => amendment.baseVersion))].filter((base) => base !== number).sort((a, b) => a - b);
    for (const base of bases) for (const clause of (await this.documents.getVersion(id, base)).content.clauses) clauseNumbers.set(clause.id, clause.number);
    for (const clause of version.content.clauses) clauseNumbers.set(clause.id, clause.number);
    this.shell.send(request, response, viewer, {
      status: extra.status,
      title: `${version.content.title} — ${dt(language, 'versionHeading', { number })}`,
      path: `/documents/${id}`,
      styles: DOCUMENT_PAGE_STYLE,
      content: documentView({
        language,
        document,
        version,
        threads,
        amendments: amendments.items,
        amendmentPolls: campaign.amendmentPolls,
        clauseNumbers,
        amendmentWindow: campaign.window,
        units,
        signing,
        flash: extra.flash,
        failure: extra.failure,
      }),
    });
  }

  private async threadsOf(documentId: string, version: number): Promise<ThreadDetailDto[]> {
    const query: ThreadListQueryDto = { version, limit: THREADS_SHOWN, offset: 0 };
    const page = await this.discussion.listThreads(documentId, query);
    return Promise.all(page.items.map((thread) => this.discussion.getThread(thread.id)));
  }

  /** The campaign's amendment polls, and whether its discussion is open now. */
  private async campaignOf(campaignId: string | null): Promise<{ window: AmendmentWindow; amendmentPolls: Record<string, string> }> {
    if (!campaignId) return { window: 'no-campaign', amendmentPolls: {} };
    try {
      const [{ context }, detail] = await Promise.all([this.queries.contextOf(campaignId), this.queries.detail(campaignId)]);
      const open = detail.stages.some((stage) => stage.type === 'discussion' && stage.status === 'active');
      return { window: open ? 'open' : 'closed', amendmentPolls: amendmentPollsOf(context) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'CAMPAIGN_NOT_FOUND') return { window: 'no-campaign', amendmentPolls: {} };
      throw error;
    }
  }

  /** The amendments merged into the versions after `from` up to `to`, named by their number and unit. */
  private async mergedBetween(id: string, from: number, to: number): Promise<MergedAmendmentLine[]> {
    if (to <= from) return [];
    const amendments = new Map((await this.amendments.list(id)).items.map((amendment) => [amendment.id, amendment]));
    const lines: MergedAmendmentLine[] = [];
    for (let number = from + 1; number <= to; number++) {
      for (const entry of (await this.documents.getVersion(id, number)).changelog.amendments) {
        const amendment = amendments.get(entry.amendmentId);
        lines.push({ number: amendment?.number ?? null, unit: amendment?.proposedBy.unit?.code ?? amendment?.proposedBy.person.fullName ?? '', kind: entry.kind, clauseNumber: entry.number });
      }
    }
    return lines;
  }

  private async threadOf(documentId: string, threadId: string): Promise<ThreadDetailDto> {
    const thread = await this.discussion.getThread(threadId);
    if (thread.documentId !== documentId) throw new AppError('DISCUSSION_THREAD_NOT_FOUND', { id: threadId });
    return thread;
  }

  /** Blank text is refused as the API's DTOs refuse it, naming the fields by their labels (the keys of `fields`). */
  private requireText(language: Language, fields: Partial<Record<DocumentWebTextKey, string>>): void {
    const blank = Object.entries(fields).flatMap(([label, value]) => (/\S/.test(value ?? '') ? [] : [dt(language, label as DocumentWebTextKey)]));
    if (blank.length) throw new AppError('VALIDATION_FAILED', { fields: blank.join(', ') });
  }

  /**
   * The unit written for: the one chosen in the form (NOT_MANDATED without a valid mandate for it), or the person's
   * only unit. Writing needs a unit: several and no choice is ACTING_UNIT_REQUIRED; none is the API's refusal
   * (AMENDMENT_UNIT_REQUIRED for an amendment, NOT_MANDATED for the discussion).
   */
  private async writingFor(viewer: PageViewer, unit: string | undefined, purpose: 'discussion' | 'amendment'): Promise<ActingFor> {
    const chosen = unit?.trim();
    if (chosen) return this.principals.resolveActingFor(viewer.principal.personId, chosen);
    const units = await this.principals.actingForAll(viewer.principal.personId);
    if (units.length === 1) return units[0];
    if (units.length > 1) throw new AppError('ACTING_UNIT_REQUIRED');
    throw purpose === 'amendment' ? new AppError('AMENDMENT_UNIT_REQUIRED') : new AppError('NOT_MANDATED', { unit: '—' });
  }
}

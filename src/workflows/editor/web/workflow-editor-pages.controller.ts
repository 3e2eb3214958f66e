import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { toErrorResponse } from '../../../common/errors/error-response';
import { html } from '../../../modules/web/html';
import { redirectSeeOther, SCRIPT_PAGE_CONTENT_SECURITY_POLICY } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { WorkflowDefinitionsService } from '../../definitions/workflow-definitions.service';
import type { WorkflowDocument } from '../../definitions/workflow-document';
import { StageRegistry } from '../../stages/stage-registry';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { WorkflowEditorService } from '../workflow-editor.service';
import { NewWorkflowFormDto } from './workflow-editor-form.dto';
import { et } from './workflow-editor-texts';
import { workflowDiffView, workflowEditorView, workflowListView } from './workflow-editor.view';

const EDITOR_ASSETS = { stylesheets: [] as string[], scripts: ['/assets/mermaid/mermaid.min.js', '/assets/app/js/page-api.js', '/assets/app/js/json-completion.js', '/assets/app/js/workflow-editor.js'] };
const EDITOR_STYLE = html`<style>.editor-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}#workflow-json{width:100%;font-family:monospace;font-size:.9rem}.diagram svg{max-width:100%;height:auto}.inline-form fieldset{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}#problems li{font-family:monospace}#problems button.problem-path{font-family:monospace;padding:0 .25rem}.json-completion{position:absolute;z-index:10;margin:0;padding:0;list-style:none;background:#fff;border:1px solid #555;max-height:14rem;overflow-y:auto;min-width:16rem;box-shadow:0 2px 6px rgba(0,0,0,.25)}.json-completion li{padding:.2rem .5rem;cursor:pointer}.json-completion li[aria-selected=true]{background:#1a4f8b;color:#fff}.json-completion li[aria-selected=true] code{color:#fff}@media (max-width:60rem){.editor-grid{grid-template-columns:1fr}}</style>`;

/** A new workflow's first draft: a review by the cluster head, then the end; valid, so it can be published at once. */
function starterDocument(name: string): WorkflowDocument {
  return {
    name: { vi: name },
    subject: 'cluster',
    start: 'review',
    stages: {
      review: { type: 'review', name: { vi: 'Cụm trưởng xem xét', en: 'Review by the cluster head' }, assignees: ['cluster-head'], on: { approved: 'done', returned: 'review' } },
      done: { type: 'end' },
    },
  };
}

/** The administrators' workflow pages: /admin/workflows (the list, copy, create) and /admin/workflows/:id (the editor). */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/workflows')
export class WorkflowEditorPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly editor: WorkflowEditorService,
    private readonly definitions: WorkflowDefinitionsService,
    private readonly registry: StageRegistry,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/workflows');
    if (viewer) await this.renderList(request, response, viewer);
  }

  @Post()
  async create(@Body() form: NewWorkflowFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/workflows');
    if (!viewer) return;
    await this.created(request, response, viewer, () => this.definitions.create({ key: form.key, name: form.name, document: { ...starterDocument(form.name) } }));
  }

  /** A copy of a workflow (its latest version, or its draft if none) under a new key, to edit. */
  @Post(':id/copy')
  async copy(@Param('id', ParseUUIDPipe) id: string, @Body() form: NewWorkflowFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/workflows');
    if (!viewer) return;
    await this.created(request, response, viewer, async () => {
      const source = await this.definitions.get(id);
      const latest = source.latest ? await this.definitions.versionDocument(source.latest.id) : source.draft;
      // The new name in place of every language's: the source's English name would describe another workflow.
      const document = { ...latest, name: { vi: form.name } };
      return this.definitions.create({ key: form.key, name: form.name, document: document as unknown as Record<string, unknown> });
    });
  }

  @Get(':id')
  async edit(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/workflows');
    if (!viewer) return;
    const definition = await this.definitions.get(id);
    const entry = await this.editor.entry(id);
    this.shell.send(request, response, viewer, {
      title: `${definition.name} — ${et(viewer.language, 'listTitle')}`,
      content: workflowEditorView({ language: viewer.language, entry, draft: definition.draft, stageTypes: this.registry.types(), outcomes: this.outcomesByType() }),
      assets: EDITOR_ASSETS,
      contentSecurityPolicy: SCRIPT_PAGE_CONTENT_SECURITY_POLICY,
      styles: EDITOR_STYLE,
    });
  }

  /** Two published versions compared (`?from=&to=` version numbers; by default the latest against the one before). */
  @Get(':id/diff')
  async diff(@Param('id', ParseUUIDPipe) id: string, @Query('from') from: string | undefined, @Query('to') to: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/workflows');
    if (!viewer) return;
    const entry = await this.editor.entry(id);
    const byNumber = (value: string | undefined, fallback: number) => entry.versions.find((v) => v.number === (value ? Number(value) : fallback));
    const latest = entry.versions[0]?.number ?? 0;
    const [a, b] = [byNumber(from, latest - 1), byNumber(to, latest)];
    if (!a || !b) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: `${entry.key} ${from ?? latest - 1} → ${to ?? latest}` });
    this.shell.send(request, response, viewer, {
      title: et(viewer.language, 'diffTitle', { name: entry.name, from: a.number, to: b.number }),
      content: workflowDiffView(viewer.language, entry, await this.editor.diff(a.versionId, b.versionId)),
    });
  }

  /** The outcomes of each registered stage type with default settings (a type that needs settings to say has none here). */
  private outcomesByType(): Record<string, string[]> {
    return Object.fromEntries(
      this.registry.types().map((type) => {
        try {
          return [type, this.registry.get(type).outcomes({ type })];
        } catch {
          return [type, []];
        }
      }),
    );
  }

  private async created(request: Request, response: Response, viewer: PageViewer, create: () => Promise<{ id: string }>): Promise<void> {
    try {
      const { id } = await create();
      redirectSeeOther(response, `/admin/workflows/${id}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      await this.renderList(request, response, viewer, refusal.body.message, refusal.status);
    }
  }

  private async renderList(request: Request, response: Response, viewer: PageViewer, failure?: string, status?: number): Promise<void> {
    this.shell.send(request, response, viewer, {
      status,
      title: et(viewer.language, 'listTitle'),
      path: '/admin/workflows',
      content: workflowListView(viewer.language, await this.editor.entries(), failure),
    });
  }
}

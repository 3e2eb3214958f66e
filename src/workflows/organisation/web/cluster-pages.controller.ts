import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { todayInVietnam } from '../../../modules/auth/principal.service';
import { Clock } from '../../../modules/calendar/clock';
import { ClustersService } from '../../../modules/org/clusters.service';
import { ClusterDto, CreateClusterDto, UpdateClusterDto } from '../../../modules/org/dto/cluster.dto';
import { UnitEvaluationsService } from '../../../modules/org/unit-evaluations.service';
import { UnitsService } from '../../../modules/org/units.service';
import { html } from '../../../modules/web/html';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { CLUSTER_PAGE_STYLE, ClusterFormValues, clusterPageView, CLUSTERS_PATH, clusterYearView } from './cluster-pages.view';
import { ClusterWebText, clustert } from './cluster-web-texts';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { byName, checkedForm, formText, readAllUnits, refusalOf } from './unit-pages.controller';
import { UNIT_PAGE_STYLE } from './unit-pages.view';

const STYLES = html`${ORGANISATION_PAGE_STYLE}${UNIT_PAGE_STYLE}${CLUSTER_PAGE_STYLE}`;
const PAGE_SIZE = 500;
const YEARS = { min: 1945, max: 2200 } as const;
const FLASHES: Record<string, ClusterWebText> = { created: 'created', saved: 'saved', archived: 'archived', restored: 'restored' };

/** A posted list (repeated checkboxes): one value arrives as a string, several as an array; anything else is dropped. */
export const formList = (form: Record<string, unknown>, name: string): string[] => {
  const value = form[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
};

/** A year typed as digits becomes a number for the DTO; anything else is passed on for the DTO to refuse. */
const yearValue = (typed: string): number | string => (/^\d{1,4}$/.test(typed) ? Number(typed) : typed);

/** Every cluster the query matches, through the service's pages. */
async function readAllClusters(clusters: ClustersService, query: { year?: number; includeArchived: boolean }): Promise<ClusterDto[]> {
  const all: ClusterDto[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await clusters.list({ ...query, limit: PAGE_SIZE, offset });
    all.push(...page.items);
    if (!page.items.length || all.length >= page.total) return all;
  }
}

/**
 * The administrators' cluster pages: a year's clusters with their members, head and deputy and each member's record of the
 * year before, the form to add one, and each cluster's edit, archive and restore forms. The head and deputy rule is
 * ClustersService's: the page only explains it and offers the units it allows.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/clusters')
export class ClusterPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly clusters: ClustersService,
    private readonly units: UnitsService,
    private readonly evaluations: UnitEvaluationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async year(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const query = request.query;
    const asked = typeof query.year === 'string' && /^\d{4}$/.test(query.year) ? Number(query.year) : NaN;
    const year = asked >= YEARS.min && asked <= YEARS.max ? asked : Number(todayInVietnam(this.clock.now()).slice(0, 4));
    const flash = typeof query.flash === 'string' && Object.hasOwn(FLASHES, query.flash) ? clustert(viewer.language, FLASHES[query.flash]) : undefined;
    await this.renderYear(request, response, viewer, { year, includeArchived: query.archived === '1', values: {}, flash });
  }

  @Post()
  async create(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, CLUSTERS_PATH);
    if (!viewer) return;
    const values = clusterValues(form);
    try {
      const body = checkedForm(
        CreateClusterDto,
        { name: values.name, year: yearValue(values.year ?? ''), memberUnitIds: values.memberUnitIds, headUnitId: values.headUnitId || undefined, deputyUnitId: values.deputyUnitId || undefined },
        this.labels(viewer),
      );
      const cluster = await this.clusters.create(body);
      redirectSeeOther(response, `${CLUSTERS_PATH}?year=${cluster.year}&flash=created#cluster-${cluster.id}`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      const typed = Number(values.year);
      const year = Number.isInteger(typed) && typed >= YEARS.min && typed <= YEARS.max ? typed : Number(todayInVietnam(this.clock.now()).slice(0, 4));
      await this.renderYear(request, response, viewer, { year, includeArchived: false, values, failure: refusal.message, status: refusal.status });
    }
  }

  @Get(':id')
  async cluster(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const flash = typeof request.query.flash === 'string' && Object.hasOwn(FLASHES, request.query.flash) ? clustert(viewer.language, FLASHES[request.query.flash]) : undefined;
    await this.renderCluster(request, response, viewer, id, { values: {}, flash });
  }

  /** The whole form is posted: the member list replaces the old one, an empty head or deputy removes it. */
  @Post(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${CLUSTERS_PATH}/${id}`);
    if (!viewer) return;
    const values = clusterValues(form);
    try {
      const body = checkedForm(
        UpdateClusterDto,
        { name: values.name, year: yearValue(values.year ?? ''), memberUnitIds: values.memberUnitIds, headUnitId: values.headUnitId || null, deputyUnitId: values.deputyUnitId || null },
        this.labels(viewer),
      );
      await this.clusters.update(id, body);
      redirectSeeOther(response, `${CLUSTERS_PATH}/${id}?flash=saved`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderCluster(request, response, viewer, id, { values, failure: refusal.message, status: refusal.status });
    }
  }

  /** Archiving needs the box ticked: the browser asks for it, and a form posted without it is refused here too. */
  @Post(':id/archive')
  async archive(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${CLUSTERS_PATH}/${id}`);
    if (!viewer) return;
    try {
      if (form.confirm !== 'yes') throw new AppError('VALIDATION_FAILED', { fields: clustert(viewer.language, 'archiveConfirmField') });
      await this.clusters.archive(id);
      redirectSeeOther(response, `${CLUSTERS_PATH}/${id}?flash=archived`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderCluster(request, response, viewer, id, { values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  @Post(':id/restore')
  async restore(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${CLUSTERS_PATH}/${id}`);
    if (!viewer) return;
    try {
      await this.clusters.restore(id);
      redirectSeeOther(response, `${CLUSTERS_PATH}/${id}?flash=restored`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderCluster(request, response, viewer, id, { values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  private labels({ language }: PageViewer): Record<string, string> {
    return {
      name: clustert(language, 'name'),
      year: clustert(language, 'year'),
      memberUnitIds: clustert(language, 'memberChoice'),
      headUnitId: clustert(language, 'head'),
      deputyUnitId: clustert(language, 'deputy'),
    };
  }

  private async renderYear(
    request: Request,
    response: Response,
    viewer: PageViewer,
    model: { year: number; includeArchived: boolean; values: ClusterFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const { year, includeArchived } = model;
    // One after another: the request's EntityManager runs one query at a time.
    const clusters = await readAllClusters(this.clusters, { year, includeArchived });
    const everyCluster = await readAllClusters(this.clusters, { includeArchived: true });
    const units = await readAllUnits(this.units, false);
    const evaluations = await this.evaluations.ofYear(year - 1);
    const years = [...new Set(everyCluster.map((cluster) => cluster.year))].sort((a, b) => b - a);
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: model.status ? CLUSTERS_PATH : undefined,
      title: clustert(language, 'title', { year }),
      content: clusterYearView({ language, year, years, clusters, includeArchived, units: units.sort(byName), evaluations, values: model.values, flash: model.flash, failure: model.failure }),
      styles: STYLES,
    });
  }

  private async renderCluster(
    request: Request,
    response: Response,
    viewer: PageViewer,
    id: string,
    model: { values: ClusterFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const cluster = await this.clusters.get(id);
    const members = new Set(cluster.members.map((unit) => unit.id));
    // An archived unit may stay a member it already was, so the form offers it to keep (or untick).
    const units = (await readAllUnits(this.units, true)).filter((unit) => !unit.archivedAt || members.has(unit.id)).sort(byName);
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: `${CLUSTERS_PATH}/${id}`,
      title: `${cluster.name} (${cluster.year})`,
      content: clusterPageView({ language, cluster, units, evaluations: await this.evaluations.ofYear(cluster.year - 1), values: model.values, flash: model.flash, failure: model.failure }),
      styles: STYLES,
    });
  }
}

function clusterValues(form: Record<string, unknown>): ClusterFormValues {
  return {
    name: formText(form, 'name'),
    year: formText(form, 'year'),
    memberUnitIds: formList(form, 'memberUnitIds'),
    headUnitId: formText(form, 'headUnitId'),
    deputyUnitId: formText(form, 'deputyUnitId'),
  };
}

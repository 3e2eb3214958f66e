import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { toErrorResponse } from '../../../common/errors/error-response';
import { todayInVietnam } from '../../../modules/auth/principal.service';
import { Clock } from '../../../modules/calendar/clock';
import { SetUnitEvaluationDto, UnitEvaluationParams } from '../../../modules/org/dto/unit-evaluation.dto';
import { CreateUnitDto, UnitDto, UpdateUnitDto } from '../../../modules/org/dto/unit.dto';
import { MandatesService } from '../../../modules/org/mandates.service';
import { UnitEvaluationsService } from '../../../modules/org/unit-evaluations.service';
import { UnitsService } from '../../../modules/org/units.service';
import { html } from '../../../modules/web/html';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { UNIT_PAGE_STYLE, UnitFormValues, unitPageView, unitTreeView } from './unit-pages.view';
import { unitt } from './unit-web-texts';

const UNITS_PATH = '/admin/org/units';
const PAGE_SIZE = 500;

/** A posted field as typed, trimmed; anything that is not one string is empty. */
export const formText = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');

/**
 * The posted strings checked by the API's own DTO, so that a page and the API refuse the same values;
 * the refusal names the fields as the form labels them.
 */
export function checkedForm<T extends object>(type: ClassConstructor<T>, plain: Record<string, unknown>, labels: Record<string, string>): T {
  const value = plainToInstance(type, plain);
  const problems = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems.map((problem) => labels[problem.property] ?? problem.property).join(', ') });
  return value;
}

/** A coded refusal as the page shows it: the catalog's message in the viewer's language and its status. Anything else is thrown on. */
export function refusalOf(error: unknown, viewer: PageViewer, request: Request, response: Response): { status: number; message: string } {
  if (!(error instanceof AppError)) throw error;
  const refusal = toErrorResponse(error, viewer.language, request.path);
  response.set(refusal.headers);
  return { status: refusal.status, message: refusal.body.message };
}

/** Every unit, through the service's pages: the tree and the choices of a unit need them all. */
export async function readAllUnits(units: UnitsService, includeArchived: boolean): Promise<UnitDto[]> {
  const all: UnitDto[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await units.list({ includeArchived, limit: PAGE_SIZE, offset });
    all.push(...page.items);
    if (!page.items.length || all.length >= page.total) return all;
  }
}

/** Choices are read by name, in Vietnamese alphabetical order. */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'vi');

/** The unit and everything under it, which it may not be moved beneath. */
function subtreeOf(unitId: string, units: UnitDto[]): Set<string> {
  const subtree = new Set([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && subtree.has(unit.parentId) && !subtree.has(unit.id)) {
        subtree.add(unit.id);
        grew = true;
      }
    }
  }
  return subtree;
}

const FLASHES = { created: 'created', saved: 'saved', archived: 'archived', restored: 'restored' } as const;

/** The administrators' unit pages: the tree with the add form, and each unit with its people, its years and its edit, archive and restore forms. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/units')
export class UnitPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly units: UnitsService,
    private readonly evaluations: UnitEvaluationsService,
    private readonly mandates: MandatesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async tree(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    await this.renderTree(request, response, viewer, { includeArchived: request.query.archived === '1', values: {} });
  }

  @Post()
  async create(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, UNITS_PATH);
    if (!viewer) return;
    const values: UnitFormValues = { code: formText(form, 'code'), name: formText(form, 'name'), shortName: formText(form, 'shortName'), parentId: formText(form, 'parentId') };
    try {
      const body = checkedForm(
        CreateUnitDto,
        { code: values.code, name: values.name, shortName: values.shortName || undefined, parentId: values.parentId || undefined },
        this.labels(viewer),
      );
      const unit = await this.units.create(body);
      redirectSeeOther(response, `${UNITS_PATH}/${unit.id}?flash=created`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderTree(request, response, viewer, { includeArchived: false, values, failure: refusal.message, status: refusal.status, path: UNITS_PATH });
    }
  }

  @Get(':id')
  async unit(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const query = request.query;
    const flashKey = typeof query.flash === 'string' && query.flash in FLASHES ? FLASHES[query.flash as keyof typeof FLASHES] : undefined;
    const year = typeof query.year === 'string' && /^\d{4}$/.test(query.year) ? query.year : undefined;
    const flash = flashKey ? unitt(language, flashKey) : query.flash === 'evaluation' && year ? unitt(language, 'evaluationSaved', { year }) : undefined;
    await this.renderUnit(request, response, viewer, id, { values: {}, flash });
  }

  /** Name, short name and parent; the code stays as it was created (campaigns and imports refer to it). */
  @Post(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${UNITS_PATH}/${id}`);
    if (!viewer) return;
    const values: UnitFormValues = { name: formText(form, 'name'), shortName: formText(form, 'shortName'), parentId: formText(form, 'parentId') };
    try {
      const body = checkedForm(UpdateUnitDto, { name: values.name, shortName: values.shortName || null, parentId: values.parentId || null }, this.labels(viewer));
      await this.units.update(id, body);
      redirectSeeOther(response, `${UNITS_PATH}/${id}?flash=saved`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderUnit(request, response, viewer, id, { values, failure: refusal.message, status: refusal.status });
    }
  }

  /** Archiving needs the box ticked: the browser asks for it, and a form posted without it is refused here too. */
  @Post(':id/archive')
  async archive(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${UNITS_PATH}/${id}`);
    if (!viewer) return;
    try {
      if (form.confirm !== 'yes') throw new AppError('VALIDATION_FAILED', { fields: unitt(viewer.language, 'archiveConfirmField') });
      await this.units.archive(id);
      redirectSeeOther(response, `${UNITS_PATH}/${id}?flash=archived`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderUnit(request, response, viewer, id, { values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  @Post(':id/restore')
  async restore(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${UNITS_PATH}/${id}`);
    if (!viewer) return;
    try {
      await this.units.restore(id);
      redirectSeeOther(response, `${UNITS_PATH}/${id}?flash=restored`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderUnit(request, response, viewer, id, { values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  /** Whether the unit was evaluated in a year: what decides if it may lead a cluster the year after. */
  @Post(':id/evaluations')
  async evaluation(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${UNITS_PATH}/${id}`);
    if (!viewer) return;
    try {
      const labels = this.labels(viewer);
      const { year } = checkedForm(UnitEvaluationParams, { id, year: formText(form, 'year') }, labels);
      const choice = formText(form, 'evaluated');
      const { evaluated } = checkedForm(SetUnitEvaluationDto, { evaluated: choice === 'true' ? true : choice === 'false' ? false : choice }, labels);
      await this.evaluations.set(id, year, evaluated);
      redirectSeeOther(response, `${UNITS_PATH}/${id}?flash=evaluation&year=${year}`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderUnit(request, response, viewer, id, { values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  private labels({ language }: PageViewer): Record<string, string> {
    return {
      code: unitt(language, 'code'),
      name: unitt(language, 'name'),
      shortName: unitt(language, 'shortName'),
      parentId: unitt(language, 'parent'),
      year: unitt(language, 'year'),
      evaluated: unitt(language, 'evaluation'),
    };
  }

  private async renderTree(
    request: Request,
    response: Response,
    viewer: PageViewer,
    model: { includeArchived: boolean; values: UnitFormValues; flash?: string; failure?: string; status?: number; path?: string },
  ): Promise<void> {
    const { language } = viewer;
    const all = await readAllUnits(this.units, true);
    const units = model.includeArchived ? all : all.filter((unit) => !unit.archivedAt);
    const parents = all.filter((unit) => !unit.archivedAt).sort(byName);
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: model.path,
      title: unitt(language, 'title'),
      content: unitTreeView({ language, units, includeArchived: model.includeArchived, parents, values: model.values, flash: model.flash, failure: model.failure }),
      styles: html`${ORGANISATION_PAGE_STYLE}${UNIT_PAGE_STYLE}`,
    });
  }

  private async renderUnit(
    request: Request,
    response: Response,
    viewer: PageViewer,
    id: string,
    model: { values: UnitFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const unit = await this.units.get(id);
    const all = await readAllUnits(this.units, true);
    const subtree = subtreeOf(unit.id, all);
    const today = todayInVietnam(this.clock.now());
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: `${UNITS_PATH}/${id}`,
      title: unit.name,
      content: unitPageView({
        language,
        unit,
        parent: all.find((candidate) => candidate.id === unit.parentId) ?? null,
        children: all.filter((candidate) => candidate.parentId === unit.id),
        parents: all.filter((candidate) => !candidate.archivedAt && !subtree.has(candidate.id)).sort(byName),
        people: (await this.mandates.list({ unitId: id, validOn: today, limit: PAGE_SIZE, offset: 0 })).items,
        evaluations: await this.evaluations.list(id),
        lastYear: Number(today.slice(0, 4)) - 1,
        values: model.values,
        flash: model.flash,
        failure: model.failure,
      }),
      styles: html`${ORGANISATION_PAGE_STYLE}${UNIT_PAGE_STYLE}`,
    });
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { todayInVietnam } from '../../../modules/auth/principal.service';
import { Clock } from '../../../modules/calendar/clock';
import { CreateMandateDto, EndMandateDto } from '../../../modules/org/dto/mandate.dto';
import { CreatePersonDto, UpdatePersonDto } from '../../../modules/org/dto/person.dto';
import { MandatesService } from '../../../modules/org/mandates.service';
import { PeopleService } from '../../../modules/org/people.service';
import { UnitsService } from '../../../modules/org/units.service';
import { html } from '../../../modules/web/html';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { listPage } from '../../../modules/web/views/pager.view';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { MandateFormValues, PEOPLE_PAGE_STYLE, peopleListView, PersonFormValues, personPageView } from './people-pages.view';
import { PeopleWebText, peoplet } from './people-web-texts';
import { UNIT_PAGE_STYLE } from './unit-pages.view';
import { byName, checkedForm, formText, readAllUnits, refusalOf } from './unit-pages.controller';

const PEOPLE_PATH = '/admin/org/people';
const PAGE_SIZE = 50;
const MANDATES_SHOWN = 500;
const STYLES = html`${ORGANISATION_PAGE_STYLE}${UNIT_PAGE_STYLE}${PEOPLE_PAGE_STYLE}`;

const FLASHES: Record<string, PeopleWebText> = {
  created: 'created',
  saved: 'saved',
  archived: 'archived',
  restored: 'restored',
  'mandate-added': 'mandateAdded',
  'mandate-ended': 'mandateEnded',
};

interface ListQuery {
  q: string;
  includeArchived: boolean;
  page?: unknown;
}

/** The administrators' people pages: search and list a page at a time, add, edit, archive and restore, and each person's mandates. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/people')
export class PeoplePagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly people: PeopleService,
    private readonly mandates: MandatesService,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const query = request.query;
    const listQuery = { q: typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '', includeArchived: query.archived === '1', page: query.page };
    await this.renderList(request, response, viewer, listQuery, { values: {}, flash: this.flash(viewer, query.flash) });
  }

  @Post()
  async create(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, PEOPLE_PATH);
    if (!viewer) return;
    const values = personValues(form);
    try {
      const password = formText(form, 'password');
      const body = checkedForm(
        CreatePersonDto,
        { username: values.username, fullName: values.fullName, email: values.email || undefined, position: values.position || undefined, password: password || undefined },
        this.labels(viewer),
      );
      const person = await this.people.create(body);
      redirectSeeOther(response, `${PEOPLE_PATH}/${person.id}?flash=created`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderList(request, response, viewer, { q: '', includeArchived: false }, { values, failure: refusal.message, status: refusal.status });
    }
  }

  @Get(':id')
  async person(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    await this.renderPerson(request, response, viewer, id, { flash: this.flash(viewer, request.query.flash) });
  }

  /** A blank password keeps the current one; blank e-mail and position clear them. */
  @Post(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${PEOPLE_PATH}/${id}`);
    if (!viewer) return;
    const values = personValues(form);
    try {
      const password = formText(form, 'password');
      const body = checkedForm(
        UpdatePersonDto,
        { username: values.username, fullName: values.fullName, email: values.email || null, position: values.position || null, password: password || undefined },
        this.labels(viewer),
      );
      await this.people.update(id, body);
      redirectSeeOther(response, `${PEOPLE_PATH}/${id}?flash=saved`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderPerson(request, response, viewer, id, { values, failure: refusal.message, status: refusal.status });
    }
  }

  @Post(':id/archive')
  async archive(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.archiveOrRestore('archive', id, form, request, response);
  }

  @Post(':id/restore')
  async restore(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.archiveOrRestore('restore', id, form, request, response);
  }

  /** Gives the person a role in a unit chosen by name, from a day and optionally to a day. */
  @Post(':id/mandates')
  async addMandate(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${PEOPLE_PATH}/${id}`);
    if (!viewer) return;
    const mandateValues: MandateFormValues = { unitId: formText(form, 'unitId'), role: formText(form, 'role'), validFrom: formText(form, 'validFrom'), validTo: formText(form, 'validTo') };
    try {
      const body = checkedForm(
        CreateMandateDto,
        { personId: id, unitId: mandateValues.unitId, role: mandateValues.role, validFrom: mandateValues.validFrom, validTo: mandateValues.validTo || undefined },
        this.labels(viewer),
      );
      await this.mandates.create(body);
      redirectSeeOther(response, `${PEOPLE_PATH}/${id}?flash=mandate-added`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderPerson(request, response, viewer, id, { mandateValues, failure: refusal.message, status: refusal.status });
    }
  }

  /** Records a mandate's last valid day; mandates are ended, never deleted. */
  @Post(':id/mandates/:mandateId/end')
  async endMandate(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('mandateId', ParseUUIDPipe) mandateId: string,
    @Body() form: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const viewer = await this.shell.admin(request, response, `${PEOPLE_PATH}/${id}`);
    if (!viewer) return;
    try {
      const { validTo } = checkedForm(EndMandateDto, { validTo: formText(form, 'validTo') }, this.labels(viewer));
      // Only a mandate of this person: another person's id in the address is not one of this page's rows.
      if ((await this.mandates.get(mandateId)).person.id !== id) throw new AppError('MANDATE_NOT_FOUND', { id: mandateId });
      await this.mandates.setValidTo(mandateId, validTo);
      redirectSeeOther(response, `${PEOPLE_PATH}/${id}?flash=mandate-ended`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.renderPerson(request, response, viewer, id, { failure: refusal.message, status: refusal.status });
    }
  }

  /** From the list (`back=list`) the answer is the list again, else the person's page. */
  private async archiveOrRestore(action: 'archive' | 'restore', id: string, form: Record<string, unknown>, request: Request, response: Response): Promise<void> {
    const fromList = form.back === 'list';
    const viewer = await this.shell.admin(request, response, fromList ? PEOPLE_PATH : `${PEOPLE_PATH}/${id}`);
    if (!viewer) return;
    const flash = action === 'archive' ? 'archived' : 'restored';
    try {
      if (action === 'archive') await this.people.archive(id);
      else await this.people.restore(id);
      redirectSeeOther(response, fromList ? `${PEOPLE_PATH}?flash=${flash}` : `${PEOPLE_PATH}/${id}?flash=${flash}`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      if (fromList) await this.renderList(request, response, viewer, { q: '', includeArchived: false }, { values: {}, failure: refusal.message, status: refusal.status });
      else await this.renderPerson(request, response, viewer, id, { failure: refusal.message, status: refusal.status });
    }
  }

  private flash({ language }: PageViewer, key: unknown): string | undefined {
    return typeof key === 'string' && Object.hasOwn(FLASHES, key) ? peoplet(language, FLASHES[key]) : undefined;
  }

  private labels({ language }: PageViewer): Record<string, string> {
    return {
      username: peoplet(language, 'username'),
      fullName: peoplet(language, 'fullName'),
      email: peoplet(language, 'email'),
      position: peoplet(language, 'position'),
      password: peoplet(language, 'password'),
      unitId: peoplet(language, 'unit'),
      role: peoplet(language, 'role'),
      validFrom: peoplet(language, 'validFrom'),
      validTo: peoplet(language, 'validTo'),
    };
  }

  private async renderList(
    request: Request,
    response: Response,
    viewer: PageViewer,
    { q, includeArchived, page }: ListQuery,
    model: { values: PersonFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const { total } = await this.people.list({ q, includeArchived, limit: 1, offset: 0 });
    const at = listPage(total, PAGE_SIZE, page);
    const { items } = await this.people.list({ q, includeArchived, limit: PAGE_SIZE, offset: at.offset });
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: model.status ? PEOPLE_PATH : undefined,
      title: peoplet(language, 'title'),
      content: peopleListView({ language, people: items, total, at, q, includeArchived, values: model.values, flash: model.flash, failure: model.failure }),
      styles: STYLES,
    });
  }

  private async renderPerson(
    request: Request,
    response: Response,
    viewer: PageViewer,
    id: string,
    model: { values?: PersonFormValues; mandateValues?: MandateFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const person = await this.people.get(id);
    const mandates = (await this.mandates.list({ personId: id, limit: MANDATES_SHOWN, offset: 0 })).items;
    const units = (await readAllUnits(this.units, false)).sort(byName);
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: `${PEOPLE_PATH}/${id}`,
      title: person.fullName,
      content: personPageView({
        language,
        person,
        mandates,
        units,
        today: todayInVietnam(this.clock.now()),
        values: model.values ?? {},
        mandateValues: model.mandateValues ?? {},
        flash: model.flash,
        failure: model.failure,
      }),
      styles: STYLES,
    });
  }
}

function personValues(form: Record<string, unknown>): PersonFormValues {
  return { username: formText(form, 'username'), fullName: formText(form, 'fullName'), email: formText(form, 'email'), position: formText(form, 'position') };
}

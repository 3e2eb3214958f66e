import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { CreateRoleGrantDto, RoleGrantDto } from '../../../modules/org/dto/role-grant.dto';
import { PeopleService } from '../../../modules/org/people.service';
import { RoleGrantsService } from '../../../modules/org/role-grants.service';
import { UnitsService } from '../../../modules/org/units.service';
import { html } from '../../../modules/web/html';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { ORGANISATION_PAGE_STYLE } from './organisation-tabs.view';
import { ROLE_PAGE_STYLE, RoleGrantFormValues, ROLES_PATH, rolesView } from './role-pages.view';
import { RoleWebText, rolet } from './role-web-texts';
import { byName, checkedForm, formText, readAllUnits, refusalOf } from './unit-pages.controller';

const STYLES = html`${ORGANISATION_PAGE_STYLE}${ROLE_PAGE_STYLE}`;
const PAGE_SIZE = 500;
/** The grant form's person choice lists at most this many; a search narrows it. */
const PEOPLE_OFFERED = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLASHES: Record<string, RoleWebText> = { granted: 'granted', revoked: 'revoked' };

/**
 * The administrators' role grants page: who holds which role (by name, with its scope, when and by whom it was granted),
 * revoke with a confirmation box, and grant a role to a person found by name or username, through RoleGrantsService
 * as the API does (the last administrator cannot be revoked, a grant held already is refused).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org/roles')
export class RolePagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly grants: RoleGrantsService,
    private readonly people: PeopleService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const query = request.query;
    const flash = typeof query.flash === 'string' && Object.hasOwn(FLASHES, query.flash) ? rolet(viewer.language, FLASHES[query.flash]) : undefined;
    const person = typeof query.person === 'string' ? query.person.trim().slice(0, 100) : '';
    await this.render(request, response, viewer, { includeRevoked: query.revoked === '1', query: person, values: {}, flash });
  }

  @Post()
  async grant(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, ROLES_PATH);
    if (!viewer) return;
    const values: RoleGrantFormValues = { personId: formText(form, 'personId'), role: formText(form, 'role'), scopeUnitId: formText(form, 'scopeUnitId') };
    try {
      const body = checkedForm(CreateRoleGrantDto, { personId: values.personId, role: values.role, scopeUnitId: values.scopeUnitId || undefined }, this.labels(viewer));
      await this.grants.create(body, viewer.principal.personId);
      redirectSeeOther(response, `${ROLES_PATH}?flash=granted`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.render(request, response, viewer, { includeRevoked: false, query: '', values, failure: refusal.message, status: refusal.status });
    }
  }

  /** Revoking needs the box ticked: the browser asks for it, and a form posted without it is refused here too. */
  @Post(':id/revoke')
  async revoke(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, ROLES_PATH);
    if (!viewer) return;
    try {
      if (form.confirm !== 'yes') throw new AppError('VALIDATION_FAILED', { fields: rolet(viewer.language, 'revokeConfirmField') });
      await this.grants.revoke(id);
      redirectSeeOther(response, `${ROLES_PATH}?flash=revoked`);
    } catch (error) {
      const refusal = refusalOf(error, viewer, request, response);
      await this.render(request, response, viewer, { includeRevoked: false, query: '', values: {}, failure: refusal.message, status: refusal.status });
    }
  }

  private labels({ language }: PageViewer): Record<string, string> {
    return { personId: rolet(language, 'person'), role: rolet(language, 'role'), scopeUnitId: rolet(language, 'scope') };
  }

  private async render(
    request: Request,
    response: Response,
    viewer: PageViewer,
    model: { includeRevoked: boolean; query: string; values: RoleGrantFormValues; flash?: string; failure?: string; status?: number },
  ): Promise<void> {
    const { language } = viewer;
    const grants: RoleGrantDto[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.grants.list({ includeRevoked: model.includeRevoked, limit: PAGE_SIZE, offset });
      grants.push(...page.items);
      if (!page.items.length || grants.length >= page.total) break;
    }
    // By person, then by role as granted: a person's roles read together.
    grants.sort((a, b) => a.person.fullName.localeCompare(b.person.fullName, 'vi') || a.person.username.localeCompare(b.person.username) || a.createdAt.getTime() - b.createdAt.getTime());
    const people = await this.people.list({ q: model.query || undefined, limit: PEOPLE_OFFERED, offset: 0 });
    // The person typed or chosen before a refusal stays offered even when the search would not list them.
    const chosenId = model.values.personId;
    if (chosenId && UUID.test(chosenId) && !people.items.some((person) => person.id === chosenId)) {
      const chosen = await this.people.get(chosenId).catch((error: unknown) => {
        if (error instanceof AppError) return undefined;
        throw error;
      });
      if (chosen && !chosen.archivedAt) people.items.push(chosen);
    }
    this.shell.send(request, response, viewer, {
      status: model.status,
      path: model.status ? ROLES_PATH : undefined,
      title: rolet(language, 'title'),
      content: rolesView({
        language,
        grants,
        includeRevoked: model.includeRevoked,
        people: people.items.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.username.localeCompare(b.username)),
        peopleTotal: people.total,
        query: model.query,
        units: (await readAllUnits(this.units, false)).sort(byName),
        values: model.values,
        flash: model.flash,
        failure: model.failure,
      }),
      styles: STYLES,
    });
  }
}

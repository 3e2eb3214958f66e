import { Module } from '@nestjs/common';
import { OrgModule } from '../../modules/org/org.module';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { ImportProgressService } from './import-progress.service';
import { ImportProgressStore } from './import-progress.store';
import { CalendarPagesController } from './web/calendar-pages.controller';
import { ClusterPagesController } from './web/cluster-pages.controller';
import { ImportPagesController } from './web/import-pages.controller';
import { OrganisationPagesController } from './web/organisation-pages.controller';
import { ORGANISATION_WEB_TEXTS } from './web/organisation-web-texts';
import { PeoplePagesController } from './web/people-pages.controller';
import { RolePagesController } from './web/role-pages.controller';
import { UnitPagesController } from './web/unit-pages.controller';

/** The administrators' organisation pages under /admin/org: units, people, mandates, clusters, roles, calendar, imports. */
@Module({
  imports: [OrgModule, WebModule],
  controllers: [OrganisationPagesController, UnitPagesController, PeoplePagesController, ImportPagesController, ClusterPagesController, RolePagesController, CalendarPagesController],
  providers: [WorkflowPageShell, ImportProgressStore, ImportProgressService],
})
export class OrganisationPagesModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/org', label: ORGANISATION_WEB_TEXTS.navOrganisation, roles: ['admin'] });
  }
}

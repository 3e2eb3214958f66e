import { Module } from '@nestjs/common';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { OverviewController } from './overview.controller';
import { OverviewQueriesService } from './overview-queries.service';
import { OverviewPagesController } from './web/overview-pages.controller';
import { OVERVIEW_WEB_TEXTS } from './web/overview-web-texts';

/** The administrators' and council members' overview: GET /api/v1/overview and the page /admin/overview. */
@Module({
  imports: [WorkflowEngineModule, WebModule],
  controllers: [OverviewController, OverviewPagesController],
  providers: [OverviewQueriesService, WorkflowPageShell],
})
export class OverviewModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/overview', label: OVERVIEW_WEB_TEXTS.navOverview, roles: ['admin', 'council-member'] });
  }
}

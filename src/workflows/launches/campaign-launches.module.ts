import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { CampaignLaunchesController } from './campaign-launches.controller';
import { CampaignLaunchesService } from './campaign-launches.service';
import { LaunchPagesController } from './web/launch-pages.controller';
import { LAUNCH_WEB_TEXTS } from './web/launch-web-texts';

/** The launch wizard: its API under /api/v1/campaign-launches and its page /admin/campaigns/new (with the cancel form). */
@Module({
  imports: [WorkflowEngineModule, IdempotencyModule, WebModule],
  controllers: [CampaignLaunchesController, LaunchPagesController],
  providers: [CampaignLaunchesService, WorkflowPageShell],
})
export class CampaignLaunchesModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/campaigns/new', label: LAUNCH_WEB_TEXTS.navLaunch, roles: ['admin'] });
  }
}

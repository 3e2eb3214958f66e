import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { CommendationsModule } from '../../modules/commendations/commendations.module';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowApiModule } from '../api/workflow-api.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { ExampleCommendationPagesController } from './example-commendation-pages.controller';
import { ExampleCommendationService } from './example-commendation.service';
import { UnitStartedCampaignsService } from './unit-started-campaigns.service';
import { UnitStartPagesController } from './unit-start-pages.controller';
import { UnitStartedController } from './unit-started.controller';
import { PageNavigation } from '../../modules/web/page-navigation';

/** Campaigns a unit starts itself (`startedBy: "unit"` workflows), and an accepted example proposed in one step. */
@Module({
  imports: [WorkflowEngineModule, WorkflowApiModule, CommendationsModule, AuthModule, IdempotencyModule, WebModule],
  controllers: [UnitStartedController, ExampleCommendationPagesController, UnitStartPagesController],
  providers: [UnitStartedCampaignsService, ExampleCommendationService, WorkflowPageShell],
})
export class UnitStartedModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/unit-campaigns/new', label: { vi: 'Đề nghị của đơn vị', en: "Unit's proposals" } });
  }
}

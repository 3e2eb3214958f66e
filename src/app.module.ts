import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CommendationsApiModule } from './modules/commendations/commendations-api.module';
import { DiscussionApiModule } from './modules/discussion/discussion-api.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { FormsModule } from './modules/forms/forms.module';
import { HealthModule } from './modules/health/health.module';
import { ObservabilityHttpModule } from './modules/observability/observability-http.module';
import { OrgModule } from './modules/org/org.module';
import { ScoringApiModule } from './modules/scoring/scoring-api.module';
import { SigningWebModule } from './modules/signing/web/signing-web.module';
import { VotingApiModule } from './modules/voting/voting-api.module';
import { WebModule } from './modules/web/web.module';
import { QueueModule } from './queue/queue.module';
import { WorkerModule } from './worker.module';
import { WorkflowApiModule } from './workflows/api/workflow-api.module';
import { WorkflowDefinitionsModule } from './workflows/definitions/workflow-definitions.module';
import { DiscussionGateModule } from './workflows/stages/discussion/discussion-gate.module';
import { ScoreWebModule } from './workflows/stages/score/web/score-web.module';
import { WorkflowEditorModule } from './workflows/editor/workflow-editor.module';
import { CampaignLaunchesModule } from './workflows/launches/campaign-launches.module';
import { UnitStartedModule } from './workflows/unit-started/unit-started.module';
import { LaunchSchedulesApiModule } from './workflows/schedules/launch-schedules-api.module';
import { WebhooksApiModule } from './workflows/webhooks/webhooks-api.module';
import { MailApiModule } from './workflows/mail/mail-api.module';
import { OrganisationPagesModule } from './workflows/organisation/organisation-pages.module';
import { OverviewModule } from './workflows/overview/overview.module';
import { SimulationModule } from './workflows/simulation/dry-run';
import { WorkflowWebModule } from './workflows/web/workflow-web.module';

export type Role = 'all' | 'api' | 'worker';

/** Configuration, logging, database, queue, calendar and the discussion gate: what every role needs. */
function coreImports(config: AppConfig) {
  return [
    AppConfigModule.forRoot(config),
    LoggerModule.forRoot({
      pinoHttp: {
        level: config.logLevel,
        // Health probes and metric scrapes every few seconds would drown the log.
        autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    }),
    DatabaseModule.forRoot(ENTITIES, config.database.dialect),
    QueueModule,
    CalendarModule,
    DiscussionGateModule,
  ];
}

/** The application for one run role: `api` serves HTTP, `worker` runs queue processors, `all` both. */
@Module({})
export class AppModule {
  static forRole(role: Role, config: AppConfig): DynamicModule {
    const http = role === 'all' || role === 'api';
    const worker = role === 'all' || role === 'worker';
    return {
      module: AppModule,
      imports: [
        ...coreImports(config),
        ...(http ? [HealthModule, AuthModule, OrgModule, WebModule, WorkflowApiModule, WorkflowDefinitionsModule, WorkflowWebModule, FormsModule, DocumentsModule, DiscussionApiModule, VotingApiModule, SigningWebModule, ObservabilityHttpModule, LaunchSchedulesApiModule, CampaignLaunchesModule, UnitStartedModule, WorkflowEditorModule, ScoringApiModule, CommendationsApiModule, ScoreWebModule, WebhooksApiModule, MailApiModule, OverviewModule, OrganisationPagesModule, SimulationModule.register((simulated) => AppModule.forRole('api', simulated))] : []),
        ...(worker ? [WorkerModule] : []),
      ],
      providers: http ? [{ provide: APP_FILTER, useClass: HttpExceptionFilter }] : [],
    };
  }
}

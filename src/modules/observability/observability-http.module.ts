import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../config/app-config';
import { QUEUES } from '../../queue/queue-names';
import { AuthModule } from '../auth/auth.module';
import { SessionService } from '../auth/session.service';
import { PageSessionService } from '../web/page-session.service';
import { MetricsController } from './metrics.controller';
import { ObservabilityModule } from './observability.module';
import { QueueDashboardAccess } from './queue-dashboard-access';
import { QueueDashboardOfflineView } from './queue-dashboard-offline-view.service';
import { QueueMetricsCollector } from './queue-metrics.collector';

/** Bull Board's mount point; its page, JSON API and static files all live below it. */
export const QUEUE_DASHBOARD_ROUTE = 'admin/queues';

const QUEUE_NAMES = Object.values(QUEUES);

/**
 * What the HTTP roles serve for operators: GET /metrics (Prometheus, with METRICS_TOKEN, or
 * administrators) and Bull Board at /admin/queues for administrators, over every queue of QUEUES.
 */
@Module({
  imports: [
    ObservabilityModule,
    // The sessions behind MetricsAccessGuard.
    AuthModule,
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
    // Async so that each application instance gets its own Express adapter (tests start several per process).
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [SessionService, ConfigService],
      useFactory: (sessions: SessionService, config: ConfigService<AppConfig, true>) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: new QueueDashboardAccess(new PageSessionService(sessions, config), sessions).middleware,
        boardOptions: {
          uiConfig: {
            boardTitle: 'thidua',
            // The docs link points to GitHub Pages; this dashboard must make sense offline.
            hideDocsLink: true,
            miscLinks: [{ text: 'thidua', url: '/' }],
          },
        },
      }),
    }),
    BullBoardModule.forFeature(...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
  controllers: [MetricsController],
  providers: [QueueMetricsCollector, QueueDashboardOfflineView],
})
export class ObservabilityHttpModule {}

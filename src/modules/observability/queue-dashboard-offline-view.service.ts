import { ExpressAdapter } from '@bull-board/express';
import { BULL_BOARD_ADAPTER, BULL_BOARD_INSTANCE, type BullBoardInstance } from '@bull-board/nestjs';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Express } from 'express';
import { withoutExternalLinks } from './offline-page';

type RenderCallback = (error: Error | null, html?: string) => void;
type ViewEngine = (path: string, options: object, callback: RenderCallback) => void;

/**
 * Makes Bull Board's page load without the Internet: wraps the view engine that Bull Board
 * registered on its own Express app so that the rendered page has no link to another host.
 * Its scripts, styles and translations are all served locally from @bull-board/ui.
 */
@Injectable()
export class QueueDashboardOfflineView implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboardOfflineView.name);

  constructor(
    @Inject(BULL_BOARD_ADAPTER) private readonly adapter: ExpressAdapter,
    // Injected only to run after the board exists: creating it registers the view engine wrapped here.
    @Inject(BULL_BOARD_INSTANCE) _board: BullBoardInstance,
  ) {}

  onModuleInit(): void {
    const app = this.adapter.getRouter() as Express & { engines?: Record<string, ViewEngine> };
    // Bull Board's own Express app would add X-Powered-By after helmet has removed it from the response.
    app.disable('x-powered-by');
    const render = app.engines?.['.ejs'];
    if (!render) {
      this.logger.warn('Bull Board no longer renders with an .ejs engine; its page may link to Google Fonts');
      return;
    }
    app.engine('ejs', (path: string, options: object, callback: RenderCallback) =>
      render(path, options, (error, html) => callback(error, html === undefined ? html : withoutExternalLinks(html))),
    );
  }
}

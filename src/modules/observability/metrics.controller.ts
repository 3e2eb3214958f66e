import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { MetricsRegistry } from './metrics-registry';

/**
 * Prometheus scrapes this in the text exposition format. Public like /health, because scrapers
 * carry no session; restrict it at the reverse proxy where it must not be reachable from outside.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.metrics.metrics();
    response.type(this.metrics.contentType);
    return body;
  }
}

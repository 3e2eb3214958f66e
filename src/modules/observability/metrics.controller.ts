import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsRegistry } from './metrics-registry';

/**
 * Prometheus scrapes this in the text exposition format, with the bearer METRICS_TOKEN (scrapers
 * carry no session); administrators may read it too. Queue names and counts are not for anyone.
 */
@ApiExcludeController()
@Public()
@UseGuards(MetricsAccessGuard)
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

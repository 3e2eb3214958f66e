import { MikroORM } from '@mikro-orm/core';
import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { RedisService } from '../../queue/redis.service';

export interface HealthReport {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; dialect: string; message?: string };
  redis: { status: 'up' | 'down'; message?: string };
}

/** Liveness and readiness: 200 when the database and Redis answer, 503 naming what is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
    private readonly orm: MikroORM,
  ) {}

  /** Liveness and readiness: the database and Redis answer (503 when either does not). */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Everything is up',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok', 'error'] }, database: { type: 'object' }, redis: { type: 'object' } } },
  })
  @ApiServiceUnavailableResponse({ description: '{ code: SERVICE_UNAVAILABLE, details: { database, redis } }' })
  async check(): Promise<HealthReport> {
    const result = await this.health
      .check([() => this.database.pingCheck('database', { timeout: 1500 }), () => this.pingRedis()])
      .catch((error: { response?: { details?: Record<string, { status: string; message?: string }> } }) => error.response ?? {});
    const details = (result as { details?: Record<string, { status: 'up' | 'down'; message?: string }> }).details ?? {};
    const report: HealthReport = {
      status: details.database?.status === 'up' && details.redis?.status === 'up' ? 'ok' : 'error',
      database: { status: details.database?.status ?? 'down', dialect: this.orm.config.getPlatform().constructor.name.replace('Platform', '').toLowerCase(), message: details.database?.message },
      redis: { status: details.redis?.status ?? 'down', message: details.redis?.message },
    };
    if (report.status === 'ok') return report;
    const down = (['database', 'redis'] as const).filter((name) => report[name].status !== 'up');
    throw new AppError('SERVICE_UNAVAILABLE', { down: down.join(', ') }, report);
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redis.ping(1000);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ScoringTablesController } from './scoring-tables.controller';
import { ScoringModule } from './scoring.module';

/** The HTTP side of scoring tables (api role). */
@Module({
  imports: [ScoringModule, IdempotencyModule],
  controllers: [ScoringTablesController],
})
export class ScoringApiModule {}

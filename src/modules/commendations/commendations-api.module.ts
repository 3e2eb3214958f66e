import { Module } from '@nestjs/common';
import { CommendationsController } from './commendations.controller';
import { CommendationsModule } from './commendations.module';
import { ConsultationsController } from './consultations/consultations.controller';
import { AdvancedExamplesController } from './examples/advanced-examples.controller';
import { InitiativesController } from './initiatives/initiatives.controller';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CommendationRecordsController } from './records/commendation-records.controller';
import { RulePacksController } from './records/rule-packs.controller';
import { CommendationsWebModule } from './web/commendations-web.module';

/** HTTP side of the commendation register and the records: their API and the register's page. */
@Module({
  imports: [CommendationsModule, CommendationsWebModule, IdempotencyModule],
  controllers: [CommendationsController, CommendationRecordsController, InitiativesController, AdvancedExamplesController, ConsultationsController, RulePacksController],
})
export class CommendationsApiModule {}

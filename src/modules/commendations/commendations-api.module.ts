import { Module } from '@nestjs/common';
import { CommendationsController } from './commendations.controller';
import { CommendationsModule } from './commendations.module';
import { CommendationRecordsController } from './records/commendation-records.controller';
import { CommendationsWebModule } from './web/commendations-web.module';

/** HTTP side of the commendation register and the records: their API and the register's page. */
@Module({
  imports: [CommendationsModule, CommendationsWebModule],
  controllers: [CommendationsController, CommendationRecordsController],
})
export class CommendationsApiModule {}

import { Module } from '@nestjs/common';
import { CommendationsService } from './commendations.service';

/** The commendation register's service, for the register API and for the workflow's decision stage. */
@Module({
  providers: [CommendationsService],
  exports: [CommendationsService],
})
export class CommendationsModule {}

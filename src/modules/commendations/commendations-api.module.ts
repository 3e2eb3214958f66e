import { Module } from '@nestjs/common';
import { CommendationsController } from './commendations.controller';
import { CommendationsModule } from './commendations.module';
import { CommendationsWebModule } from './web/commendations-web.module';

/** HTTP side of the commendation register: its API and its page. */
@Module({
  imports: [CommendationsModule, CommendationsWebModule],
  controllers: [CommendationsController],
})
export class CommendationsApiModule {}

import { Module } from '@nestjs/common';
import { WebModule } from '../../web/web.module';
import { CommendationsModule } from '../commendations.module';
import { CommendationsPageController } from './commendations-page.controller';

/** The commendation register's page. */
@Module({
  imports: [WebModule, CommendationsModule],
  controllers: [CommendationsPageController],
})
export class CommendationsWebModule {}

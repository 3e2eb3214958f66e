import { Module } from '@nestjs/common';
import { PageNavigation } from '../../web/page-navigation';
import { WebModule } from '../../web/web.module';
import { CommendationsModule } from '../commendations.module';
import { CommendationsPageController } from './commendations-page.controller';

/** The commendation register's page and the eligibility page. */
@Module({
  imports: [WebModule, CommendationsModule],
  controllers: [CommendationsPageController],
})
export class CommendationsWebModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/commendations', label: { vi: 'Khen thưởng', en: 'Commendations' } });
    navigation.add({ href: '/commendations/eligibility', label: { vi: 'Điều kiện khen thưởng', en: 'Eligibility' } });
  }
}

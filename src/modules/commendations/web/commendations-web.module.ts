import { Module } from '@nestjs/common';
import { PageNavigation } from '../../web/page-navigation';
import { WebModule } from '../../web/web.module';
import { VotingModule } from '../../voting/voting.module';
import { CommendationsModule } from '../commendations.module';
import { CommendationPages } from './commendation-pages.service';
import { CommendationsPageController } from './commendations-page.controller';
import { ConsultationsPageController } from './consultations-page.controller';
import { CouncilReviewPageController } from './council-review-page.controller';
import { ExamplesPageController } from './examples-page.controller';
import { InitiativesPageController } from './initiatives-page.controller';
import { RulePackPages } from './rule-pack-pages.service';
import { RulePacksPageController } from './rule-packs-page.controller';

/** The commendation register's page, the eligibility page, the records' pages, the initiatives', examples', consultations' and council review's pages, and the administrators' rule pack pages. */
@Module({
  imports: [WebModule, CommendationsModule, VotingModule],
  controllers: [CommendationsPageController, InitiativesPageController, ExamplesPageController, ConsultationsPageController, CouncilReviewPageController, RulePacksPageController],
  providers: [CommendationPages, RulePackPages],
})
export class CommendationsWebModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/commendations', label: { vi: 'Khen thưởng', en: 'Commendations' } });
    navigation.add({ href: '/commendations/eligibility', label: { vi: 'Điều kiện khen thưởng', en: 'Eligibility' } });
    navigation.add({ href: '/commendations/initiatives', label: { vi: 'Sáng kiến', en: 'Initiatives' } });
    navigation.add({ href: '/commendations/examples', label: { vi: 'Điển hình tiên tiến', en: 'Advanced examples' } });
    navigation.add({ href: '/commendations/consultations', label: { vi: 'Công khai lấy ý kiến', en: 'Consultation' } });
    navigation.add({ href: '/commendations/council-review', label: { vi: 'Bình xét danh hiệu', en: 'Council review' }, roles: ['admin', 'secretary', 'council-member'] });
    navigation.add({ href: '/admin/rule-packs', label: { vi: 'Bộ quy định khen thưởng', en: 'Rule packs' }, roles: ['admin'] });
  }
}

import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { DocumentsModule } from '../../modules/documents/documents.module';
import { FormsModule } from '../../modules/forms/forms.module';
import { SigningModule } from '../../modules/signing/signing.module';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowApiModule } from '../api/workflow-api.module';
import { WorkflowDefinitionsModule } from '../definitions/workflow-definitions.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { CampaignPageReader } from './campaign-page-reader.service';
import { CampaignPagesController } from './campaign-pages.controller';
import { DocumentPagesController } from './document-pages.controller';
import { FormBuilderPagesController } from './form-builder-pages.controller';
import { FORM_WEB_TEXTS } from './form-web-texts';
import { InboxPagesController } from './inbox-pages.controller';
import { PasskeyPagesController } from './passkey-pages.controller';
import { PollPagesController } from './poll-pages.controller';
import { RankingPagesController } from './ranking-pages.controller';
import { SigningPageReader } from './signing-page-reader.service';
import { SigningPagesController } from './signing-pages.controller';
import { SIGNING_WEB_TEXTS } from './signing-web-texts';
import { CommendationsModule } from '../../modules/commendations/commendations.module';
import { ProposalTaskPagesController } from './proposal-task-pages.controller';
import { TaskFormPagesController } from './task-form-pages.controller';
import { WorkflowPageShell } from './workflow-page-shell.service';
import { WorkflowVersionPagesController } from './workflow-version-pages.controller';
import { WORKFLOW_WEB_TEXTS } from './workflow-web-texts';

/**
 * Server-rendered pages of the workflow engine: the inbox with its command forms, the campaigns
 * with their timeline, and a published workflow version. They live here, not in the web module,
 * because modules never import workflows; they reuse the web module's shell.
 */
@Module({
  imports: [WebModule, AuthModule, FormsModule, DocumentsModule, SigningModule, CommendationsModule, WorkflowApiModule, WorkflowEngineModule, WorkflowDefinitionsModule],
  controllers: [InboxPagesController, TaskFormPagesController, CampaignPagesController, WorkflowVersionPagesController, FormBuilderPagesController, PollPagesController, DocumentPagesController, SigningPagesController, PasskeyPagesController, RankingPagesController, ProposalTaskPagesController],
  providers: [WorkflowPageShell, CampaignPageReader, SigningPageReader],
})
export class WorkflowWebModule {
  constructor(navigation: PageNavigation) {
    navigation.add(
      { href: '/inbox', label: WORKFLOW_WEB_TEXTS.navInbox },
      { href: '/inbox/submissions', label: FORM_WEB_TEXTS.navSubmissions },
      { href: '/campaigns', label: WORKFLOW_WEB_TEXTS.navCampaigns },
      { href: '/admin/forms', label: FORM_WEB_TEXTS.navForms, roles: ['admin'] },
      // The layout has no user menu: the account's passkeys (to sign with) sit in the main navigation.
      { href: '/account/passkeys', label: SIGNING_WEB_TEXTS.navPasskeys },
    );
  }
}

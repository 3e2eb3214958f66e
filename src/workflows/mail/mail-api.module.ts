import { Module } from '@nestjs/common';
import { MailModule } from '../../modules/mail/mail.module';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { MailController, MailPreferenceController } from './mail.controller';
import { MailPagesController, MailPreferencePagesController } from './web/mail-pages.controller';
import { MAIL_WEB_TEXTS } from './web/mail-web-texts';

/** The HTTP side of e-mail notices: the mail log (/api/v1/mail, /admin/mail) and a person's choice (/api/v1/me/mail-preference, /account/mail). */
@Module({
  imports: [WorkflowEngineModule, MailModule, WebModule],
  controllers: [MailController, MailPreferenceController, MailPagesController, MailPreferencePagesController],
  providers: [WorkflowPageShell],
})
export class MailApiModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/mail', label: MAIL_WEB_TEXTS.navMail, roles: ['admin'] });
    navigation.add({ href: '/account/mail', label: MAIL_WEB_TEXTS.navMyMail });
  }
}

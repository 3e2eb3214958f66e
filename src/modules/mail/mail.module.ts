import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { MailMessage } from './entities/mail-message.entity';
import { MailPreference } from './entities/mail-preference.entity';
import { MailMessagesService } from './mail-messages.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailTransport } from './mail-transport.service';

/** E-mail: the transport (SMTP or the local folder), the mail log and people's choices; the workflows layer turns notices into mail. */
@Module({
  imports: [MikroOrmModule.forFeature([MailMessage, MailPreference])],
  providers: [MailTransport, MailMessagesService, MailPreferencesService],
  exports: [MailTransport, MailMessagesService, MailPreferencesService],
})
export class MailModule {}

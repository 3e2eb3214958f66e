import { Body, Controller, Get, Param, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { MailIdParams, MailListDto, MailListQuery, MailMessageDetailDto, MailPreferenceDto, UpdateMailPreferenceDto } from '../../modules/mail/dto/mail.dto';
import { MailMessagesService } from '../../modules/mail/mail-messages.service';
import { MailPreferencesService } from '../../modules/mail/mail-preferences.service';
import { MailTransport } from '../../modules/mail/mail-transport.service';

/** The mail log (thư đã gửi) for administrators: what was sent to whom, by SMTP or into the local mail folder. */
@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/mail')
export class MailController {
  constructor(
    private readonly messages: MailMessagesService,
    private readonly transport: MailTransport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The newest e-mail messages (notices and digests), optionally of one status' })
  @ApiOkResponse({ type: MailListDto })
  async list(@Query() query: MailListQuery): Promise<MailListDto> {
    return { transport: this.transport.kind, items: await this.messages.list(query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with its text' })
  @ApiOkResponse({ type: MailMessageDetailDto })
  @ApiNotFoundResponse({ description: 'MAIL_MESSAGE_NOT_FOUND' })
  get(@Param() { id }: MailIdParams): Promise<MailMessageDetailDto> {
    return this.messages.get(id);
  }

  /** The .eml file of a message written to the local mail folder. */
  @Get(':id/eml')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'The message as written (RFC 822)', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'MAIL_MESSAGE_NOT_FOUND (also when it was sent by SMTP or not yet)' })
  async eml(@Param() { id }: MailIdParams): Promise<StreamableFile> {
    const bytes = await this.messages.eml(id);
    if (!bytes) throw new AppError('MAIL_MESSAGE_NOT_FOUND', { id });
    // The type only with the file: a refusal stays JSON (a fixed header would label the 404's JSON as mail).
    return new StreamableFile(bytes, { type: 'message/rfc822', disposition: `attachment; filename="${id}.eml"` });
  }
}

/** A person's own choice of e-mail notices: each at once, a daily digest, or none; and the language of the mail. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/me/mail-preference')
export class MailPreferenceController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'How the signed-in person receives notices by e-mail' })
  @ApiOkResponse({ type: MailPreferenceDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MailPreferenceDto> {
    return this.view(principal.personId);
  }

  @Put()
  @ApiOperation({ summary: 'Chooses immediate mail, a daily digest or none, and the language of the mail' })
  @ApiOkResponse({ type: MailPreferenceDto })
  async set(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMailPreferenceDto): Promise<MailPreferenceDto> {
    await this.preferences.set(principal.personId, body);
    return this.view(principal.personId);
  }

  private async view(personId: string): Promise<MailPreferenceDto> {
    const { delivery, language, email } = await this.preferences.get(personId);
    return { delivery, language, email };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { CertificateDto, certificateBytes, CertificateUploadDto, FinishPasskeyRegistrationDto, PasskeyDto } from './dto/signing-admin.dto';
import { PasskeyRegistrationStart, PasskeysService } from './passkeys.service';
import { TrustRegistryService } from './trust-registry.service';

/** A person's own passkeys for signing (the account page uses the same routes). */
@ApiTags('signing')
@ApiBearerAuth()
@Controller('api/v1/me/passkeys')
export class PasskeysController {
  constructor(private readonly passkeys: PasskeysService) {}

  /** The signed-in person’s passkeys. */
  @Get()
  @ApiOkResponse({ type: [PasskeyDto] })
  async list(@CurrentPrincipal() principal: Principal): Promise<PasskeyDto[]> {
    return (await this.passkeys.list(principal.personId)).map((credential) => PasskeyDto.of(credential));
  }

  /** Options for navigator.credentials.create(), and the ticket to send back with its answer. */
  @Post('options')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ options (PublicKeyCredentialCreationOptionsJSON), ticket }', schema: { type: 'object', properties: { options: { type: 'object' }, ticket: { type: 'string' } } } })
  start(@CurrentPrincipal() principal: Principal): Promise<PasskeyRegistrationStart> {
    return this.passkeys.start(principal.personId);
  }

  /** Finishes registering a passkey with the browser’s attestation. */
  @Post()
  @ApiOkResponse({ type: PasskeyDto })
  async finish(@Body() body: FinishPasskeyRegistrationDto, @CurrentPrincipal() principal: Principal): Promise<PasskeyDto> {
    return PasskeyDto.of(await this.passkeys.finish(principal.personId, { ticket: body.ticket, response: body.response as unknown as RegistrationResponseJSON, label: body.label }));
  }

  /** Removes one of the signed-in person’s passkeys. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.passkeys.remove(principal.personId, id);
  }
}

/** Administrators: the CA certificates trusted for X.509 signatures, and each person's registered certificates. */
@ApiTags('signing')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/signing')
export class SigningAdminController {
  constructor(private readonly trust: TrustRegistryService) {}

  /** The trusted root certificates for X.509 signatures. */
  @Get('trust-anchors')
  @ApiOkResponse({ type: [CertificateDto] })
  async anchors(): Promise<CertificateDto[]> {
    return (await this.trust.listAnchors()).map((anchor) => CertificateDto.ofAnchor(anchor));
  }

  /** Adds the CA certificates of a PEM bundle; answers the ones newly trusted. */
  @Post('trust-anchors')
  @ApiOkResponse({ type: [CertificateDto] })
  async addAnchors(@Body() body: CertificateUploadDto): Promise<CertificateDto[]> {
    return (await this.trust.addAnchors(certificateBytes(body.certificate))).map((anchor) => CertificateDto.ofAnchor(anchor));
  }

  /** The signing certificates registered for a person. */
  @Get('people/:personId/certificates')
  @ApiOkResponse({ type: [CertificateDto] })
  async certificates(@Param('personId', ParseUUIDPipe) personId: string): Promise<CertificateDto[]> {
    return (await this.trust.listCertificates(personId)).map((certificate) => CertificateDto.ofPerson(certificate));
  }

  /** Registers a signing certificate for a person (checked against the trust anchors). */
  @Post('people/:personId/certificates')
  @ApiOkResponse({ type: CertificateDto })
  async register(@Param('personId', ParseUUIDPipe) personId: string, @Body() body: CertificateUploadDto): Promise<CertificateDto> {
    return CertificateDto.ofPerson(await this.trust.registerCertificate(personId, certificateBytes(body.certificate)));
  }
}

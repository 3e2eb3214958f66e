import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActsForUnit, CurrentActingFor, CurrentPrincipal, Public } from '../../common/auth/auth.decorators';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from './auth-cookies';
import { accessTokenOf } from './auth.guard';
import { ActingForDto, MeDto, RefreshDto, SessionTokensDto, SignInDto } from './dto/sign-in.dto';
import { PrincipalService } from './principal.service';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    private readonly principals: PrincipalService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Username and password in; an access token (15 min) and a refresh token out, also set as HTTP-only cookies. */
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensDto })
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionTokensDto> {
    const tokens = await this.sessions.signIn(body.username, body.password, request.ip ?? 'unknown');
    setSessionCookies(response, tokens, this.config.get('auth', { infer: true }));
    return tokens;
  }

  /** Exchanges a refresh token (body or cookie) for new tokens; the old one stops working. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensDto })
  async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionTokensDto> {
    const token = body.refreshToken ?? request.cookies?.[REFRESH_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const tokens = await this.sessions.refresh(token);
    setSessionCookies(response, tokens, this.config.get('auth', { infer: true }));
    return tokens;
  }

  /** Ends the session (its refresh and access tokens) of the refresh token, or else of the access token, and clears the cookies. */
  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.signOut(body.refreshToken ?? request.cookies?.[REFRESH_COOKIE], accessTokenOf(request));
    clearSessionCookies(response, this.config.get('auth', { infer: true }));
  }

  /** The signed-in person: name, roles and the units they may act for (valid mandates). */
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    const mandates = await this.principals.validMandates(principal.personId);
    return {
      ...principal,
      mandates: mandates.map((m) => ({
        id: m.id,
        unitId: m.unit.id,
        unitCode: m.unit.code,
        unitName: m.unit.name,
        role: m.role,
        validFrom: m.validFrom,
        validTo: m.validTo,
      })),
    };
  }

  /** Says whom the caller acts for: "person P acting for unit U under mandate M". */
  @ApiBearerAuth()
  @ActsForUnit()
  @Get('acting-for')
  @ApiHeader({ name: 'X-Acting-Unit', description: 'Unit id or code', required: true })
  @ApiOkResponse({ type: ActingForDto })
  actingFor(@CurrentPrincipal() principal: Principal, @CurrentActingFor() actingFor: ActingFor): ActingForDto {
    return { personId: principal.personId, ...actingFor };
  }
}

import { Body, Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { IdempotencyInterceptor } from '../../modules/idempotency/idempotency.interceptor';
import { CampaignLaunchesService } from './campaign-launches.service';
import { LaunchPlanDto, LaunchRequestDto, SimulationReportDto, SimulationRequestDto } from './dto/campaign-launch.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/campaign-launches')
export class CampaignLaunchesController {
  constructor(private readonly launches: CampaignLaunchesService) {}

  /**
   * What a launch would do, without launching: each subject's first tasks or the reason it cannot start, the stages'
   * dates in working days, and the form and scoring table versions it would pin.
   */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: LaunchPlanDto })
  preview(@Body() body: LaunchRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<LaunchPlanDto> {
    return this.launches.preview(body, principal, resolveLanguage(request));
  }

  /**
   * Launches one campaign per subject (a cluster, every active cluster of the year, a unit or the units of a type), all
   * or none: 422 LAUNCH_REFUSED lists each subject that cannot start, and nothing is launched. Subjects of a cascade
   * that already run this workflow in the year are skipped.
   */
  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: LaunchPlanDto })
  launch(@Body() body: LaunchRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<LaunchPlanDto> {
    return this.launches.launch(body, principal, resolveLanguage(request));
  }

  /**
   * A dry run: the campaign of the first subject rehearsed on a virtual clock against a throwaway copy of the data, with
   * synthetic actors (a share of late units, units voting against, a unit declining to sign); its timeline, outcomes,
   * reminders and missed deadlines. Nothing of it touches the real campaigns, queues or notices.
   */
  @Post('simulation')
  @HttpCode(200)
  @ApiOkResponse({ type: SimulationReportDto })
  simulate(@Body() body: SimulationRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<SimulationReportDto> {
    const { lateShare, votesAgainst, declines, amends, seed, until, ...launch } = body;
    const behaviour = { lateShare: lateShare ?? 0, votesAgainst: votesAgainst ?? [], declines: declines ?? null, amends: amends ?? null, seed: seed ?? 1, until: until ?? null };
    return this.launches.simulate(launch, behaviour, principal, resolveLanguage(request));
  }
}

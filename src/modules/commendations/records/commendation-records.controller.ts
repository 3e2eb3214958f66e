import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { resolveLanguage } from '../../../common/i18n/language';
import { ImportQueryDto } from '../../org/dto/csv-import.dto';
import { CommendationsService } from '../commendations.service';
import { CommendationDto } from '../dto/commendation.dto';
import { EligibilityService } from './eligibility.service';
import { PersonRecordService } from './person-record.service';
import { RecordsCsvImportService } from './records-csv-import.service';
import { ProposalCouncilService } from './proposal-council.service';
import { ProposalsService } from './proposals.service';
import { UnitRecordService } from './unit-record.service';
import {
  DecideProposalsDto,
  EligibilityListDto,
  EligibilityQueryDto,
  OpenProposalVoteDto,
  PersonRecordDto,
  ProposalDto,
  ProposalCouncilOverviewDto,
  ProposalQueryDto,
  ProposalVoteDto,
  ProposalVoteQueryDto,
  ProposeDto,
  RecordsImportResultDto,
  RevocationDto,
  UnitRecordDto,
} from './records.dto';
import { COUNCIL_SECRETARY_ROLES, EVERY_UNIT_ROLES } from './mandated';

/**
 * The records commendations are judged on (hồ sơ thi đua), and what follows from them: the import of past years,
 * a person's record, who is eligible for a title and why, and the revocation of an award.
 */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1')
export class CommendationRecordsController {
  constructor(
    private readonly imports: RecordsCsvImportService,
    private readonly eligibility: EligibilityService,
    private readonly people: PersonRecordService,
    private readonly units: UnitRecordService,
    private readonly register: CommendationsService,
    private readonly proposals: ProposalsService,
    private readonly council: ProposalCouncilService,
  ) {}

  /**
   * Past years' records from CSV (text/csv, UTF-8, at most 5,000 lines), one fact a line. Columns: record (staff,
   * unit-result, title, initiative, absence, discipline), username, unitCode, year, title, taskResult, scope, name,
   * from, to, level, recruitedOn, decisionNumber, signedOn, issuer, note. All lines or none; a fact already on the
   * record is refused, so the same file imported twice changes nothing.
   */
  @Post('imports/commendation-records')
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: RecordsImportResultDto })
  @ApiOkResponse({ type: RecordsImportResultDto, description: 'dryRun=true: valid, nothing imported' })
  @ApiUnprocessableEntityResponse({ description: 'CSV_INVALID: details list every bad line { row, field, code, message }; nothing is imported' })
  async importRecords(
    @Body() body: unknown,
    @Query() query: ImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordsImportResultDto> {
    const result = await this.imports.import(body, query.dryRun ?? false, principal.personId, resolveLanguage(request));
    if (result.dryRun) response.status(200);
    return result;
  }

  /** Who of a unit may be proposed for a title in a year, each with the reasons citing their rules, and the caps. */
  @Get('eligibility')
  @ApiOkResponse({ type: EligibilityListDto })
  @ApiForbiddenResponse({ description: 'ELIGIBILITY_FORBIDDEN: neither mandated for the unit nor on the council' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND, PERSON_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'TITLE_UNKNOWN, RULE_PACK_NONE, CANDIDATE_NOT_IN_UNIT' })
  list(@Query() query: EligibilityQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<EligibilityListDto> {
    return this.eligibility.list(query, principal, resolveLanguage(request));
  }

  /**
   * A unit proposes candidates for a title (đề nghị), all or none: each judged by the year's rules; an ineligible one is
   * refused with the reasons unless an administrator overrides it with a written reason; the caps hold over the
   * unit's proposals of the year.
   */
  @Post('commendation-proposals')
  @ApiCreatedResponse({ type: [ProposalDto] })
  @ApiForbiddenResponse({ description: 'PROPOSAL_FORBIDDEN (not mandated for the unit), OVERRIDE_FORBIDDEN (not an administrator)' })
  @ApiUnprocessableEntityResponse({ description: 'PROPOSAL_INELIGIBLE (details: each candidate’s unmet reasons), CAP_EXCEEDED, OVERRIDE_REASON_REQUIRED, CANDIDATE_NOT_IN_UNIT, TITLE_UNKNOWN' })
  propose(@Body() body: ProposeDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ProposalDto[]> {
    return this.proposals.propose(body, principal, resolveLanguage(request));
  }

  /** A unit's proposals of a year, in the order they were made, with the reasons as they read then. */
  @Get('commendation-proposals')
  @ApiOkResponse({ type: [ProposalDto] })
  @ApiForbiddenResponse({ description: 'PROPOSAL_FORBIDDEN' })
  listProposals(@Query() query: ProposalQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ProposalDto[]> {
    return this.proposals.list(query.unitId, query.year, query.title, principal, resolveLanguage(request));
  }

  /**
   * Puts every proposal of the year for the title still waiting to the council's vote (bình xét): a poll of the
   * council members by the year's rule pack, each proposal judged on its own. Asked again while open, the same poll.
   */
  @Post('commendation-proposals/council-votes')
  @Roles(...COUNCIL_SECRETARY_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalVoteDto })
  @ApiConflictResponse({ description: 'PROPOSALS_NOTHING_TO_VOTE, COUNCIL_EMPTY' })
  @ApiUnprocessableEntityResponse({ description: 'TITLE_UNKNOWN, RULE_PACK_NOT_FOUND' })
  openCouncilVote(@Body() body: OpenProposalVoteDto, @Req() request: Request): Promise<ProposalVoteDto> {
    return this.council.openVote(body.year, body.title, resolveLanguage(request));
  }

  /** A year's council review: the titles whose proposals still wait for the council, and each vote, latest first. */
  @Get('commendation-proposals/council-votes')
  @Roles(...EVERY_UNIT_ROLES)
  @ApiOkResponse({ type: ProposalCouncilOverviewDto })
  councilVotes(@Query() query: ProposalVoteQueryDto, @Req() request: Request): Promise<ProposalCouncilOverviewDto> {
    return this.council.overview(query.year, resolveLanguage(request));
  }

  /** A council vote on proposals: the proposals it judges and, once recorded, the decision. */
  @Get('commendation-proposals/council-votes/:pollId')
  @Roles(...EVERY_UNIT_ROLES)
  @ApiOkResponse({ type: ProposalVoteDto })
  @ApiNotFoundResponse({ description: 'PROPOSAL_VOTE_NOT_FOUND' })
  councilVote(@Param('pollId', ParseUUIDPipe) pollId: string, @Req() request: Request): Promise<ProposalVoteDto> {
    return this.council.get(pollId, resolveLanguage(request));
  }

  /** Closes the council's vote and records the decision: each proposal the vote passed enters the register under it. */
  @Post('commendation-proposals/council-votes/:pollId/decision')
  @Roles(...COUNCIL_SECRETARY_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalVoteDto })
  @ApiNotFoundResponse({ description: 'PROPOSAL_VOTE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PROPOSALS_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({ description: 'DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID, DECISION_ISSUER_REQUIRED' })
  decideCouncilVote(@Param('pollId', ParseUUIDPipe) pollId: string, @Body() body: DecideProposalsDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ProposalVoteDto> {
    return this.council.decide(pollId, body, principal.personId, resolveLanguage(request));
  }

  /** A person's record: years on staff and results, commendations (revoked ones marked), initiatives, absences, discipline. */
  @Get('people/:id/commendation-record')
  @ApiOkResponse({ type: PersonRecordDto })
  @ApiForbiddenResponse({ description: 'PERSON_RECORD_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'PERSON_NOT_FOUND' })
  personRecord(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<PersonRecordDto> {
    return this.people.get(id, principal);
  }

  /** A unit's record: results and staff by year, its own awards (revoked ones marked), its people's titles by year, initiatives. */
  @Get('units/:id/commendation-record')
  @ApiOkResponse({ type: UnitRecordDto })
  @ApiForbiddenResponse({ description: 'UNIT_RECORD_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  unitRecord(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<UnitRecordDto> {
    return this.units.get(id, principal);
  }

  /** Annuls an award with its reason and decision; it stays in the register, and later years' eligibility no longer counts it. */
  @Post('commendations/:id/revocation')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommendationDto })
  @ApiNotFoundResponse({ description: 'COMMENDATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'REVOCATION_REASON_REQUIRED' })
  revoke(@Param('id', ParseUUIDPipe) id: string, @Body() body: RevocationDto): Promise<CommendationDto> {
    return this.register.revoke(id, body.reason, body.decisionNumber);
  }
}

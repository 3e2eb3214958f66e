import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { contentHash } from '../../../common/hashing/canonical-json';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { RoleGrant } from '../../org/entities/role-grant.entity';
import { todayInVietnam } from '../../auth/principal.service';
import { Clock } from '../../calendar/clock';
import { Consultation } from '../entities/consultation.entity';
import { Poll } from '../../voting/entities/poll.entity';
import { PollsService } from '../../voting/polls.service';
import { MAJORITY_OF_MEMBERS, VotingRule } from '../../voting/rules/voting-rule';
import { checkedNumberAndDay } from '../dto/decision-fields';
import { CommendationDecision } from '../entities/commendation-decision.entity';
import { CommendationProposal } from '../entities/commendation-proposal.entity';
import { CommendationRecord } from '../entities/commendation-record.entity';
import type { RulePack, TitleDefinition } from '../rules/rule-pack';
import { proposalDto } from './proposals.service';
import { DecideProposalsDto, ProposalCouncilOverviewDto, ProposalVoteDto } from './records.dto';
import { RulePacksService } from './rule-packs.service';

/** Proposals as the council reads them: by unit, then in the unit's order of priority. */
const PROPOSAL_ORDER = { unit: { name: 'asc' }, priority: 'asc' } as const;

/**
 * How the council votes on a title's proposals: the title's own vote share when the pack sets one for the council
 * (e.g. at least 90% for the sector title under the 2024 rules), else the pack's nomination vote; always of all
 * members, each proposal judged on its own.
 */
export function councilRuleOf(pack: RulePack, title: TitleDefinition): VotingRule {
  const share = title.prerequisites.find((rule) => rule.kind === 'vote-share' && rule.electorate === 'council');
  const { threshold, comparison } = share?.kind === 'vote-share' ? share : pack.nominationVote;
  return { ...MAJORITY_OF_MEMBERS, threshold, comparison, ballot: pack.nominationVote.secret ? 'secret' : 'open' };
}

/**
 * The council's review of the units' proposals for a title (bình xét): the council's secretary or an administrator
 * puts every proposal of the year still waiting to a poll of the council members, by the year's rule pack; the
 * decision that follows awards each proposal the vote passed, writing it into the register, and closes the others.
 * Both steps are guarded status changes, so a repeated or concurrent request changes nothing twice.
 */
@Injectable()
export class ProposalCouncilService {
  constructor(
    private readonly em: EntityManager,
    private readonly packs: RulePacksService,
    private readonly polls: PollsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens the council's poll on the year's waiting proposals for the title; asked again while it is open, answers it.
   * A national title's proposals wait until their public consultation is over (see `consulted`).
   * @throws AppError TITLE_UNKNOWN / RULE_PACK_NOT_FOUND (from the packs), PROPOSALS_NOTHING_TO_VOTE,
   *   PROPOSALS_CONSULTATION_PENDING, COUNCIL_EMPTY.
   */
  async openVote(year: number, titleCode: string, language: Language): Promise<ProposalVoteDto> {
    const { pack, title } = this.packs.title(year, titleCode);
    const pollId = await this.em.fork().transactional(async (em) => {
      // A campaign's proposals wait for the campaign's own review stage, never for this one.
      const waiting = (await em.find(CommendationProposal, { year, titleCode: title.code, status: 'proposed', campaignId: null }, { fields: ['id'] })).map((row) => row.id);
      const ready = title.publicConsultation ? await this.consulted(em, waiting, title.publicConsultation.workingDays) : waiting;
      // The guarded update first: it takes the rows, so a concurrent request waits here and then finds none waiting.
      const taken = ready.length ? await em.nativeUpdate(CommendationProposal, { id: { $in: ready }, status: 'proposed' }, { status: 'in-vote', updatedAt: new Date() }) : 0;
      const mine = taken ? await em.find(CommendationProposal, { year, titleCode: title.code, status: 'in-vote', pollId: null }, { populate: ['person', 'unit'], orderBy: PROPOSAL_ORDER }) : [];
      if (!mine.length) {
        const open = await em.findOne(CommendationProposal, { year, titleCode: title.code, status: 'in-vote', pollId: { $ne: null } }, { fields: ['pollId'] });
        if (open) return open.pollId!;
        if (waiting.length > ready.length) {
          throw new AppError('PROPOSALS_CONSULTATION_PENDING', { title: title.shortName[language], year, days: title.publicConsultation!.workingDays, count: waiting.length - ready.length });
        }
        throw new AppError('PROPOSALS_NOTHING_TO_VOTE', { title: title.shortName[language], year });
      }
      const grants = await em.find(RoleGrant, { role: 'council-member', revokedAt: null, person: { archivedAt: null } }, { fields: ['person'] });
      const members = [...new Set(grants.map((grant) => grant.person.id))];
      if (!members.length) throw new AppError('COUNCIL_EMPTY');
      const ids = mine.map((row) => row.id);
      const poll = await this.polls.openPoll(
        {
          subject: {
            kind: 'candidates',
            id: `proposals:${year}:${title.code}`,
            hash: contentHash({ year, title: title.code, proposals: ids }),
            label: `Bình xét ${title.shortName.vi} năm ${year}`,
          },
          candidates: mine.map((row) => ({ id: row.id, label: `${row.person?.fullName ?? row.unit.name} — ${row.unit.name}` })),
          electorate: { kind: 'people', personIds: members },
          rule: councilRuleOf(pack, title),
          key: `proposals:${year}:${title.code}:${contentHash(ids)}`,
        },
        em,
      );
      await em.nativeUpdate(CommendationProposal, { id: { $in: ids } }, { pollId: poll.id });
      return poll.id;
    });
    return this.get(pollId, language);
  }

  /**
   * Records the decision that follows the vote: the poll is closed and counted; each proposal it passed is awarded
   * (an entry of the register under this decision), the others are not. The same decision sent again answers what
   * was recorded.
   * @throws AppError DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID, DECISION_ISSUER_REQUIRED, PROPOSAL_VOTE_NOT_FOUND,
   *   PROPOSALS_ALREADY_DECIDED, PROPOSALS_IN_CAMPAIGN.
   */
  async decide(pollId: string, body: DecideProposalsDto, recordedBy: string, language: Language): Promise<ProposalVoteDto> {
    const { number, signedOn } = checkedNumberAndDay(body);
    const issuer = body.issuer?.trim() ?? '';
    if (!issuer) throw new AppError('DECISION_ISSUER_REQUIRED', {}, { path: 'issuer' });
    await this.assertOutsideCampaigns(pollId);
    await this.em.fork().transactional(async (em) => {
      // The guard: every proposal of the poll leaves `in-vote` here, once; a concurrent decision waits, then finds none.
      const taken = await em.nativeUpdate(CommendationProposal, { pollId, status: 'in-vote' }, { status: 'not-awarded', updatedAt: new Date() });
      if (!taken) return this.assertSameDecision(em, pollId, number);
      const proposals = await em.find(CommendationProposal, { pollId }, { populate: ['person', 'unit'] });
      await this.polls.closePoll(pollId, 'manual', em, language);
      // Read in this transaction: SQLite has one connection, which the transaction holds.
      const poll = await em.findOneOrFail(Poll, pollId);
      const passed = new Set((poll.candidateDecisions ?? []).filter((entry) => entry.decision.outcome === 'passed').map((entry) => entry.id));
      const decision = em.create(CommendationDecision, { number, signedOn, issuer, recordedBy: em.getReference(Person, recordedBy), recordedAt: new Date() });
      const { title } = this.packs.title(proposals[0].year, proposals[0].titleCode);
      const awarded = proposals.filter((row) => passed.has(row.id));
      for (const proposal of awarded) {
        em.create(CommendationRecord, {
          decision,
          recipientKey: proposal.recipientKey,
          person: proposal.person,
          unit: proposal.person ? null : proposal.unit,
          kind: 'title',
          titleCode: proposal.titleCode,
          titleLabel: { ...title.name },
          year: proposal.year,
        });
      }
      await em.flush();
      if (awarded.length) await em.nativeUpdate(CommendationProposal, { id: { $in: awarded.map((row) => row.id) } }, { status: 'awarded' });
      await em.nativeUpdate(CommendationProposal, { pollId }, { decision: decision.id });
    });
    return this.get(pollId, language);
  }

  /**
   * A campaign's review (a vote stage on `proposals`) is decided by the campaign's decision stage, never here.
   * @throws AppError PROPOSALS_IN_CAMPAIGN.
   */
  async assertOutsideCampaigns(pollId: string): Promise<void> {
    const poll = await this.em.fork().findOne(Poll, pollId, { fields: ['campaignId'] });
    if (poll?.campaignId) throw new AppError('PROPOSALS_IN_CAMPAIGN');
  }

  /** @throws AppError PROPOSAL_VOTE_NOT_FOUND. */
  async get(pollId: string, language: Language): Promise<ProposalVoteDto> {
    const rows = await this.em.fork().find(CommendationProposal, { pollId }, { populate: ['person', 'unit', 'decision'], orderBy: PROPOSAL_ORDER });
    if (!rows.length) throw new AppError('PROPOSAL_VOTE_NOT_FOUND', { id: pollId });
    return this.voteDto(pollId, rows, language);
  }

  /** A year's council votes on proposals, newest first, and the titles whose proposals still wait for one. */
  async overview(year: number, language: Language): Promise<ProposalCouncilOverviewDto> {
    const rows = await this.em.fork().find(CommendationProposal, { year }, { populate: ['person', 'unit', 'decision'], orderBy: PROPOSAL_ORDER });
    const waiting = new Map<string, number>();
    const polls = new Map<string, CommendationProposal[]>();
    for (const row of rows) {
      if (row.status === 'proposed' && !row.campaignId) waiting.set(row.titleCode, (waiting.get(row.titleCode) ?? 0) + 1);
      else if (row.pollId) {
        const vote = polls.get(row.pollId);
        if (vote) vote.push(row);
        else polls.set(row.pollId, [row]);
      }
    }
    const votes = [...polls].map(([pollId, proposals]) => ({ vote: this.voteDto(pollId, proposals, language), openedAt: Math.max(...proposals.map((p) => p.updatedAt.getTime())) }));
    return {
      waiting: [...waiting].map(([code, count]) => ({ title: code, titleName: this.packs.title(year, code).title.name[language], count })),
      votes: votes.sort((a, b) => b.openedAt - a.openedAt).map((entry) => entry.vote),
    };
  }

  private voteDto(pollId: string, rows: CommendationProposal[], language: Language): ProposalVoteDto {
    const { title } = this.packs.title(rows[0].year, rows[0].titleCode);
    const decision = rows[0].decision;
    return {
      pollId,
      year: rows[0].year,
      title: title.code,
      titleName: title.name[language],
      proposals: rows.map((row) => proposalDto(row, row.person?.fullName ?? row.unit.name, language)),
      decision: decision ? { number: decision.number, signedOn: decision.signedOn, issuer: decision.issuer } : null,
    };
  }

  /**
   * Of these proposals, those whose public consultation (công khai) ran at least `workingDays` working days and is
   * over: a national title's proposals reach the council only then.
   */
  private async consulted(em: EntityManager, proposalIds: string[], workingDays: number): Promise<string[]> {
    if (!proposalIds.length) return [];
    const today = todayInVietnam(this.clock.now());
    const over = await em.find(Consultation, { proposal: { $in: proposalIds }, closesOn: { $lt: today }, workingDays: { $gte: workingDays } }, { fields: ['proposal'] });
    return over.map((consultation) => consultation.proposal.id);
  }

  /** A decision already followed this poll: the same one again is answered as recorded; another is refused. */
  private async assertSameDecision(em: EntityManager, pollId: string, number: string): Promise<void> {
    const decided = await em.findOne(CommendationProposal, { pollId }, { populate: ['decision'] });
    if (!decided) throw new AppError('PROPOSAL_VOTE_NOT_FOUND', { id: pollId });
    if (decided.status === 'in-vote' || decided.status === 'proposed') throw new Error(`Proposals of poll ${pollId} are neither in the vote nor decided`);
    if (decided.decision?.number !== number) throw new AppError('PROPOSALS_ALREADY_DECIDED', { decision: decided.decision?.number ?? '—' });
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { contentHash } from '../../../common/hashing/canonical-json';
import { DocumentVersion } from '../../../modules/documents/entities/document-version.entity';
import { Unit } from '../../../modules/org/entities/unit.entity';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import { Poll } from '../../../modules/voting/entities/poll.entity';
import { OpenPollInput, PollsService } from '../../../modules/voting/polls.service';
import { explain } from '../../../modules/voting/rules/tally';
import { VotingRule } from '../../../modules/voting/rules/voting-rule';
import { CommendationProposal } from '../../../modules/commendations/entities/commendation-proposal.entity';
import { councilRuleOf } from '../../../modules/commendations/records/proposal-council.service';
import { RulePacksService } from '../../../modules/commendations/records/rule-packs.service';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { voteRuleOf, voteSettingsOf, voteSubjectOf } from './vote.stage';
import { stageNameText } from '../../engine/refusal-words';

/** The poll's subject label is at most this long (Poll.subjectLabel). */
const SUBJECT_LABEL_LIMIT = 500;

const labelOf = (prefix: string, units: Unit[]) => {
  const label = `${prefix}${units.map((unit) => unit.name).join(', ')}`;
  return label.length > SUBJECT_LABEL_LIMIT ? `${label.slice(0, SUBJECT_LABEL_LIMIT - 1)}…` : label;
};

/** The units of these ids, in the order given (a ranking's order); an unknown id is a broken context, hence a bug. */
async function unitsInOrder(em: EntityManager, ids: string[]): Promise<Unit[]> {
  const found = new Map((await em.find(Unit, { id: { $in: ids } })).map((unit) => [unit.id, unit]));
  return ids.map((id) => {
    const unit = found.get(id);
    if (!unit) throw new Error(`Unit ${id} of the campaign context does not exist`);
    return unit;
  });
}

/** The poll of each vote stage run, kept in the campaign's context: `polls[stageRunId] = pollId`. */
export function pollOfRun(context: Record<string, unknown>, stageRunId: string): string | undefined {
  return (context.polls as Record<string, string> | undefined)?.[stageRunId];
}

/** The document version a vote stage adopted (its poll's subject), kept in the campaign's context as `adopted`. */
export interface AdoptedVersion {
  documentVersionId: string;
  contentHash: string;
  pollId: string;
  stageRunId: string;
}

export function adoptedVersionOf(context: Record<string, unknown>): AdoptedVersion | undefined {
  const adopted = context.adopted as AdoptedVersion | undefined;
  return adopted && typeof adopted.documentVersionId === 'string' ? adopted : undefined;
}

/** The vote stage run a poll belongs to, or undefined for any other poll of the campaign (an amendment's). */
export function runOfPoll(context: Record<string, unknown>, pollId: string): string | undefined {
  return Object.entries((context.polls as Record<string, string> | undefined) ?? {}).find(([, id]) => id === pollId)?.[0];
}

/**
 * A vote stage opens its poll on entering: the subject is the latest version of the campaign's document, bound
 * by its hash, or a candidate list (the ranking's leading units; the acclaimed units); the electorate is the units
 * (or, for the council, the people) the stage gave a task to; the chair is the cluster head. On completing
 * (everyone voted, or the due time) it closes the poll and the count becomes the stage's outcome, with the
 * arithmetic recorded in the campaign's history.
 */
@Injectable()
export class VoteStageEffects implements StageEffects {
  readonly type = 'vote';

  constructor(
    private readonly polls: PollsService,
    private readonly packs: RulePacksService,
  ) {}

  async onEnter(ctx: StageEffectContext): Promise<void> {
    const subject = voteSubjectOf(ctx.stage);
    if (subject === 'document') return this.openOnDocument(ctx);
    if (subject === 'proposals') return this.openOnProposals(ctx);
    const { em, campaign, run, stage, tasks, record } = ctx;
    const context = campaign.context as EvaluationContext;
    const cluster = campaign.subjectCluster;
    if (cluster) await em.populate(cluster, ['headUnit']);
    const base = { rule: voteRuleOf(stage), closesAt: run.dueAt, campaignId: campaign.id, key: `stage-run:${run.id}` };
    let input: OpenPollInput;
    if (subject === 'ranking-leaders') {
      // Suy tôn: the member units vote on the leading units of the ranking, bound to that ranking run and its order.
      const ranking = context.ranking;
      if (!ranking?.leaders?.length) throw new AppError('NOMINATION_NO_RANKING', { stage: stageNameText(stage, run.stageKey) });
      const units = await unitsInOrder(em, ranking.leaders);
      input = {
        ...base,
        subject: { kind: 'candidates', id: ranking.stageRunId, hash: contentHash({ rankingStageRunId: ranking.stageRunId, unitIds: ranking.leaders }), label: labelOf('Suy tôn đơn vị dẫn đầu: ', units) },
        candidates: units.map((unit) => ({ id: unit.id, label: unit.name })),
        electorate: { kind: 'units', unitIds: tasks.flatMap((task) => (task.assigneeUnit ? [task.assigneeUnit.id] : [])) },
        chairUnitId: cluster?.headUnit?.id ?? null,
      };
    } else {
      // The council's vote on the proposal: its members (people, one ballot each) vote on the acclaimed units.
      const acclaimed = context.acclaimed;
      if (!acclaimed?.unitIds?.length) throw new AppError('NOMINATION_NO_ACCLAIMED', { stage: stageNameText(stage, run.stageKey) });
      const units = await unitsInOrder(em, acclaimed.unitIds);
      input = {
        ...base,
        subject: { kind: 'candidates', id: acclaimed.pollId, hash: contentHash({ acclaimedBy: acclaimed.pollId, unitIds: acclaimed.unitIds }), label: labelOf('Đề nghị tặng Cờ thi đua cho ', units) },
        candidates: units.map((unit) => ({ id: unit.id, label: unit.name })),
        electorate: { kind: 'people', personIds: tasks.flatMap((task) => (task.assigneePerson ? [task.assigneePerson.id] : [])) },
        chairUnitId: null,
      };
    }
    const poll = await this.polls.openPoll(input, em);
    campaign.context = { ...campaign.context, polls: { ...((campaign.context.polls as Record<string, string>) ?? {}), [run.id]: poll.id } };
    if (subject === 'ranking-leaders') campaign.context = { ...campaign.context, nomination: { pollId: poll.id, stageRunId: run.id } satisfies EvaluationContext['nomination'] };
    await record('poll.opened', { stage: run.stageKey, stageRunId: run.id, pollId: poll.id, subject: { kind: subject, candidates: input.candidates!.map((c) => c.id), hash: input.subject.hash } });
  }

  /**
   * Bình xét: the council votes on the proposals the campaign's propose tasks made that still wait (`proposed`), each a
   * candidate passed or not on its own. They are taken (`in-vote`, bound to this poll) in the engine's transaction, so
   * the same proposals can never be in two votes.
   */
  private async openOnProposals({ em, campaign, run, stage, tasks, record }: StageEffectContext): Promise<void> {
    const waiting = await em.find(
      CommendationProposal,
      { campaignId: campaign.id, status: 'proposed' },
      { populate: ['person', 'unit'], orderBy: { unit: { name: 'asc' }, titleCode: 'asc', priority: 'asc' } },
    );
    if (!waiting.length) throw new AppError('PROPOSALS_NONE_IN_CAMPAIGN', { stage: stageNameText(stage, run.stageKey) });
    const titleOf = (code: string) => this.packs.title(campaign.year, code);
    const ids = waiting.map((row) => row.id);
    const poll = await this.polls.openPoll(
      {
        subject: { kind: 'candidates', id: `proposals:${run.id}`, hash: contentHash({ stageRunId: run.id, proposals: ids }), label: `Bình xét danh hiệu thi đua năm ${campaign.year}` },
        candidates: waiting.map((row) => ({ id: row.id, label: `${row.person?.fullName ?? row.unit.name} — ${row.unit.name} — ${titleOf(row.titleCode).title.shortName.vi}` })),
        electorate: { kind: 'people', personIds: tasks.flatMap((task) => (task.assigneePerson ? [task.assigneePerson.id] : [])) },
        chairUnitId: null,
        rule: voteSettingsOf(stage).rule === undefined ? strictest([...new Set(waiting.map((row) => row.titleCode))].map((code) => councilRuleOf(titleOf(code).pack, titleOf(code).title))) : voteRuleOf(stage),
        closesAt: run.dueAt,
        campaignId: campaign.id,
        key: `stage-run:${run.id}`,
      },
      em,
    );
    await em.nativeUpdate(CommendationProposal, { id: { $in: ids } }, { status: 'in-vote', pollId: poll.id, updatedAt: new Date() });
    campaign.context = { ...campaign.context, polls: { ...((campaign.context.polls as Record<string, string>) ?? {}), [run.id]: poll.id } };
    await record('poll.opened', { stage: run.stageKey, stageRunId: run.id, pollId: poll.id, subject: { kind: 'proposals', candidates: ids } });
  }

  private async openOnDocument({ em, campaign, run, stage, tasks, record }: StageEffectContext): Promise<void> {
    const documentId = campaign.context.documentId;
    if (typeof documentId !== 'string') throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: stageNameText(stage, run.stageKey) });
    const version = await em.findOne(DocumentVersion, { document: documentId }, { populate: ['document'], orderBy: { number: 'desc' } });
    if (!version) throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: stageNameText(stage, run.stageKey) });
    const cluster = campaign.subjectCluster;
    if (cluster) await em.populate(cluster, ['headUnit']);
    const poll = await this.polls.openPoll(
      {
        subject: { kind: 'document-version', id: version.id, hash: version.contentHash, label: `${version.document.title} — phiên bản ${version.number}` },
        electorate: { kind: 'units', unitIds: tasks.flatMap((task) => (task.assigneeUnit ? [task.assigneeUnit.id] : [])) },
        chairUnitId: cluster?.headUnit?.id ?? null,
        rule: voteRuleOf(stage),
        closesAt: run.dueAt,
        campaignId: campaign.id,
        key: `stage-run:${run.id}`,
      },
      em,
    );
    campaign.context = { ...campaign.context, polls: { ...((campaign.context.polls as Record<string, string>) ?? {}), [run.id]: poll.id } };
    await record('poll.opened', { stage: run.stageKey, stageRunId: run.id, pollId: poll.id, subject: { documentId, version: version.number, hash: version.contentHash } });
  }

  async onComplete({ em, campaign, run, stage, tasks, record }: StageEffectContext): Promise<string> {
    const pollId = pollOfRun(campaign.context, run.id);
    if (!pollId) throw new AppError('POLL_NOT_FOUND', { id: `stage-run:${run.id}` });
    const everyone = tasks.filter((task) => task.status !== 'cancelled').every((task) => task.status === 'done');
    const result = await this.polls.closePoll(pollId, everyone ? 'all-voted' : 'deadline', em);
    await record('poll.closed', {
      stage: run.stageKey,
      pollId,
      outcome: result.outcome,
      ballots: result.ballots,
      members: result.members,
      explanation: result.explanation,
    });
    if (result.outcome === 'passed') {
      // What a later sign stage signs: exactly the version this poll adopted, never "the latest".
      // Read in the engine's transaction: SQLite has one connection, which the transaction holds.
      const poll = await em.findOneOrFail(Poll, pollId);
      if (poll.subjectKind === 'document-version') {
        const adopted: AdoptedVersion = { documentVersionId: poll.subjectId, contentHash: poll.subjectHash, pollId, stageRunId: run.id };
        campaign.context = { ...campaign.context, adopted };
      }
    }
    const subject = voteSubjectOf(stage);
    if (subject !== 'document') {
      // Each candidate passed or not on its own (the rule applied to each). Written whatever the outcome, so that a
      // vote that acclaims (or approves) nobody replaces what an earlier run of the stage decided.
      const poll = await em.findOneOrFail(Poll, pollId);
      const passed = (poll.candidateDecisions ?? []).filter((entry) => entry.decision.outcome === 'passed');
      const unitIds = passed.map((entry) => entry.id);
      if (subject === 'ranking-leaders') {
        campaign.context = { ...campaign.context, acclaimed: { pollId, unitIds } satisfies EvaluationContext['acclaimed'] };
        if (unitIds.length) {
          await record('nomination.acclaimed', { stage: run.stageKey, pollId, unitIds, explanation: passed.map((entry) => ({ unitId: entry.id, vi: explain(entry.decision, 'vi'), en: explain(entry.decision, 'en') })) });
        }
      } else if (subject === 'proposals') {
        // Each proposal passed or not; a decision stage (award to "proposals") awards the passed ones.
        campaign.context = { ...campaign.context, approvedProposals: { pollId, proposalIds: passed.map((entry) => entry.id) } satisfies EvaluationContext['approvedProposals'] };
        if (passed.length) await record('proposals.approved', { stage: run.stageKey, pollId, proposalIds: passed.map((entry) => entry.id) });
      } else {
        campaign.context = { ...campaign.context, councilApproved: { pollId, unitIds } satisfies EvaluationContext['councilApproved'] };
        if (unitIds.length) await record('proposal.approved', { stage: run.stageKey, pollId, unitIds });
      }
    }
    return result.outcome;
  }
}

/** Of several rules, the one hardest to pass: the highest share, `>` over `>=` at the same share. */
function strictest(rules: VotingRule[]): VotingRule {
  const weight = (rule: VotingRule) => rule.threshold.numerator / rule.threshold.denominator;
  return rules.reduce((a, b) => (weight(b) > weight(a) || (weight(b) === weight(a) && b.comparison === '>' && a.comparison !== '>') ? b : a));
}

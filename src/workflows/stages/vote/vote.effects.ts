import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { DocumentVersion } from '../../../modules/documents/entities/document-version.entity';
import { Poll } from '../../../modules/voting/entities/poll.entity';
import { PollsService } from '../../../modules/voting/polls.service';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { voteRuleOf } from './vote.stage';

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
 * by its hash; the electorate is the units the stage gave a task to; the chair is the cluster head. On completing
 * (everyone voted, or the due time) it closes the poll and the count becomes the stage's outcome, with the
 * arithmetic recorded in the campaign's history.
 */
@Injectable()
export class VoteStageEffects implements StageEffects {
  readonly type = 'vote';

  constructor(private readonly polls: PollsService) {}

  async onEnter({ em, campaign, run, stage, tasks, record }: StageEffectContext): Promise<void> {
    const documentId = campaign.context.documentId;
    if (typeof documentId !== 'string') throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: run.stageKey });
    const version = await em.findOne(DocumentVersion, { document: documentId }, { populate: ['document'], orderBy: { number: 'desc' } });
    if (!version) throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: run.stageKey });
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

  async onComplete({ em, campaign, run, tasks, record }: StageEffectContext): Promise<string> {
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
    return result.outcome;
  }
}

import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { AmendmentsService } from '../../../modules/discussion/amendments.service';
import { DocumentsService } from '../../../modules/documents/documents.service';
import { FormSubmission } from '../../../modules/forms/submissions/form-submission.entity';
import { Notification } from '../../engine/entities/notification.entity';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { AmendmentDecisionService } from './amendment-decision.service';
import { discussionSettingsOf } from './discussion.stage';
import { stageNameText } from '../../engine/refusal-words';

/** Each amendment's poll, kept in the campaign's context: `amendmentPolls[amendmentId] = pollId`. */
export const amendmentPollsOf = (context: Record<string, unknown>) => (context.amendmentPolls as Record<string, string> | undefined) ?? {};

/**
 * A discussion stage makes sure the campaign has its document on entering (version 1 from the submitted pact
 * draft). On closing, it closes the poll of every amendment still undecided, decides each by its count, merges the
 * accepted ones into the next version of the document and records all of it in the campaign's history.
 */
@Injectable()
export class DiscussionStageEffects implements StageEffects {
  readonly type = 'discussion';

  constructor(
    private readonly documents: DocumentsService,
    private readonly amendments: AmendmentsService,
    private readonly decisions: AmendmentDecisionService,
  ) {}

  async onEnter(ctx: StageEffectContext): Promise<void> {
    await this.ensureDocument(ctx);
    await this.tellMembers(ctx);
  }

  /** Every member unit learns that the discussion is open, once per stage run. */
  private async tellMembers({ em, campaign, run }: StageEffectContext): Promise<void> {
    const cluster = campaign.subjectCluster;
    if (!cluster) return;
    await em.populate(cluster, ['members']);
    for (const unit of cluster.members.getItems().filter((member) => !member.archivedAt)) {
      const dedupeKey = `discussion-${run.id}-${unit.id}`;
      if (await em.count(Notification, { dedupeKey })) continue;
      em.create(Notification, {
        dedupeKey,
        unit,
        campaign,
        kind: 'discussion',
        message: {
          vi: `Dự thảo giao ước của "${campaign.name}" đang được thảo luận (lần ${run.iteration}): mời đơn vị góp ý và đề xuất sửa đổi trên trang văn bản.`,
          en: `The draft pact of "${campaign.name}" is open for discussion (round ${run.iteration}): comment and propose amendments on the document page.`,
        },
      });
    }
  }

  private async ensureDocument({ em, campaign, run, stage, record }: StageEffectContext): Promise<void> {
    if (typeof campaign.context.documentId === 'string') return;
    const fromForm = discussionSettingsOf(stage).document?.fromForm;
    if (!fromForm) throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: stageNameText(stage, run.stageKey) });
    const draft = await em.findOne(
      FormSubmission,
      { campaignId: campaign.id, status: 'submitted', formVersion: { definition: { key: fromForm } } },
      { populate: ['person'], orderBy: { submittedAt: 'desc' } },
    );
    if (!draft) throw new AppError('CAMPAIGN_HAS_NO_DOCUMENT', { stage: stageNameText(stage, run.stageKey) });
    const document = await this.documents.create({ pactDraft: draft.data, campaignId: campaign.id, clusterId: campaign.subjectCluster?.id }, draft.person.id);
    campaign.context = { ...campaign.context, documentId: document.id };
    await record('document.created', { stage: run.stageKey, documentId: document.id, version: document.latest.number, hash: document.latest.contentHash, fromSubmission: draft.id });
  }

  async onComplete({ em, campaign, run, record }: StageEffectContext, outcome: string): Promise<string> {
    const documentId = campaign.context.documentId as string;
    // In the order proposed (not the context's key order, which PostgreSQL's jsonb does not keep): when two accepted
    // amendments conflict, the first one wins.
    const polls = amendmentPollsOf(campaign.context);
    for (const amendment of (await this.amendments.list(documentId)).items) {
      const pollId = polls[amendment.id];
      if (pollId) await this.decisions.decide(em, amendment.id, pollId, 'stage-closed', (type, data) => record(type, { stage: run.stageKey, ...data }));
    }
    const version = await this.amendments.mergeAccepted(documentId, null);
    if (version) {
      await record('document.versioned', {
        stage: run.stageKey,
        documentId,
        version: version.number,
        hash: version.contentHash,
        amendments: version.changelog.amendments.map((entry) => entry.amendmentId),
      });
    }
    return outcome;
  }
}

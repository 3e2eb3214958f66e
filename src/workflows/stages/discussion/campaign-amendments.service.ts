import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { contentHash } from '../../../common/hashing/canonical-json';
import { AmendmentsService } from '../../../modules/discussion/amendments.service';
import { ProposeAmendmentDto } from '../../../modules/discussion/dto/amendment-request.dto';
import { ProposedAmendmentDto } from '../../../modules/discussion/dto/amendment-response.dto';
import { Document } from '../../../modules/documents/entities/document.entity';
import { PollsService } from '../../../modules/voting/polls.service';
import { CampaignRecordsService } from '../../engine/campaign-records.service';
import { CampaignHistoryService } from '../../engine/campaign-history.service';
import { Campaign } from '../../engine/entities/campaign.entity';
import { Notification } from '../../engine/entities/notification.entity';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { activeDiscussion } from './active-discussion';
import { amendmentPollsOf } from './discussion.effects';
import { amendmentRuleOf } from './discussion.stage';

export interface CampaignAmendment {
  amendment: ProposedAmendmentDto;
  pollId: string;
}

/**
 * Amendments proposed during a campaign's discussion stage: the discussion module records the proposal, and a poll
 * of the member units opens at once under the stage's amendment rule, closing with the discussion. All under the
 * campaign lock, so the proposal and its poll enter the campaign's history in order.
 */
@Injectable()
export class CampaignAmendmentsService {
  constructor(
    private readonly records: CampaignRecordsService,
    private readonly amendments: AmendmentsService,
    private readonly polls: PollsService,
    private readonly history: CampaignHistoryService,
    private readonly em: EntityManager,
  ) {}

  /**
   * Proposes on the document that the campaign's open discussion is about; `onDocument`, when given, must be that
   * document. @throws AppError DISCUSSION_NOT_OPEN (409) outside the discussion (e.g. once the pact is adopted).
   */
  propose(campaignId: string, body: ProposeAmendmentDto, principal: Principal, actingFor: ActingFor, onDocument?: string): Promise<CampaignAmendment> {
    return this.records.recordOnCampaign(campaignId, 'amendment.propose', principal, actingFor, async (em, campaign) => {
      const run = await this.openDiscussion(em, campaign);
      if (onDocument !== undefined && campaign.context.documentId !== onDocument) throw new AppError('DISCUSSION_NOT_OPEN', { name: campaign.name });
      const cluster = campaign.subjectCluster;
      if (!cluster) throw new AppError('DISCUSSION_NOT_OPEN', { name: campaign.name });
      await em.populate(cluster, ['members', 'headUnit']);
      const members = cluster.members.getItems().filter((unit) => !unit.archivedAt);
      if (!members.some((unit) => unit.id === actingFor.unitId)) throw new AppError('NOT_IN_ELECTORATE', { voter: actingFor.unitName });
      const documentId = campaign.context.documentId as string;
      const amendment = await this.amendments.propose(documentId, body, principal.personId, actingFor);
      const stage = campaign.workflowVersion.document.stages[run.stageKey];
      const poll = await this.polls.openPoll(
        {
          subject: {
            kind: 'amendment',
            id: amendment.id,
            hash: contentHash({ documentId, baseVersion: amendment.baseVersion, kind: amendment.kind, clauseId: amendment.clauseId, heading: amendment.heading, text: amendment.text }),
            label: `Sửa đổi số ${amendment.number} (${actingFor.unitCode})`,
          },
          electorate: { kind: 'units', unitIds: members.map((unit) => unit.id) },
          chairUnitId: cluster.headUnit?.id ?? null,
          rule: amendmentRuleOf(stage),
          closesAt: run.dueAt,
          campaignId,
          key: `amendment:${amendment.id}`,
        },
        em,
      );
      campaign.context = { ...campaign.context, amendmentPolls: { ...amendmentPollsOf(campaign.context), [amendment.id]: poll.id } };
      for (const unit of members.filter((member) => member.id !== actingFor.unitId)) {
        em.create(Notification, {
          dedupeKey: `amendment-${amendment.id}-${unit.id}`,
          unit,
          campaign,
          kind: 'amendment',
          message: {
            vi: `${actingFor.unitCode} đề xuất sửa đổi số ${amendment.number}; mời đơn vị biểu quyết trước khi kết thúc thảo luận.`,
            en: `${actingFor.unitCode} proposed amendment ${amendment.number}; please vote before the discussion closes.`,
          },
        });
      }
      await this.history.append(
        em,
        campaign,
        'amendment.proposed',
        { stage: run.stageKey, amendmentId: amendment.id, number: amendment.number, kind: amendment.kind, clauseId: amendment.clauseId, baseVersion: amendment.baseVersion, pollId: poll.id },
        { personId: principal.personId, unitId: actingFor.unitId, mandateId: actingFor.mandateId },
      );
      return { amendment, pollId: poll.id };
    });
  }

  /**
   * A proposal made on the document itself (`POST /documents/:id/amendments`): a campaign's document takes amendments
   * only through that campaign's discussion, with the same refusal and the same poll as the campaign's route; a
   * document outside any campaign takes them directly.
   */
  async proposeOnDocument(documentId: string, body: ProposeAmendmentDto, principal: Principal, actingFor: ActingFor): Promise<ProposedAmendmentDto> {
    // A fork: a partly loaded document must not stay in the request's identity map for the code below.
    const document = await this.em.fork().findOne(Document, documentId, { fields: ['campaignId'] });
    if (!document?.campaignId) return this.amendments.propose(documentId, body, principal.personId, actingFor);
    return (await this.propose(document.campaignId, body, principal, actingFor, documentId)).amendment;
  }

  private async openDiscussion(em: EntityManager, campaign: Campaign): Promise<StageRun> {
    const run = await activeDiscussion(em, campaign);
    if (!run) throw new AppError('DISCUSSION_NOT_OPEN', { name: campaign.name });
    await em.populate(campaign, ['workflowVersion']);
    return run;
  }
}

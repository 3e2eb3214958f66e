import { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Text } from '../../common/i18n/language';
import { localText } from '../definitions/workflow-document';
import { CampaignHistoryService } from '../engine/campaign-history.service';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';
import { Campaign } from '../engine/entities/campaign.entity';
import { Notification } from '../engine/entities/notification.entity';
import { StageRun } from '../engine/entities/stage-run.entity';
import { Task } from '../engine/entities/task.entity';
import { PublishedDocuments } from '../engine/published-documents';

const OUTCOMES: Record<string, Text> = {
  passed: { vi: 'được thông qua', en: 'passed' },
  failed: { vi: 'không được thông qua', en: 'not passed' },
  'no-quorum': { vi: 'không đủ số đơn vị tham gia', en: 'no quorum' },
  tie: { vi: 'số phiếu ngang nhau', en: 'a tie' },
};

/**
 * "Your vote is awaited" and the vote's result, as notices (in-app and then by e-mail): when a vote stage is entered,
 * one per voter task; when its poll closes, one per voter with the outcome. Written in the transaction that appends
 * the history event, with a dedupe key per task, so a command retried or run twice notifies once.
 */
@Injectable()
export class VoteNoticesListener implements OnModuleInit {
  constructor(
    private readonly history: CampaignHistoryService,
    private readonly documents: PublishedDocuments,
  ) {}

  onModuleInit(): void {
    // Only a vote stage's entry: any other stage's is not its business.
    this.history.onAppend(['stage.entered', 'poll.closed'], (em, campaign, event) => this.record(em, campaign, event), (type, stageType) => type === 'poll.closed' || stageType === undefined || stageType === 'vote');
  }

  async record(em: EntityManager, campaignRef: Campaign, event: CampaignEvent): Promise<void> {
    if (event.type !== 'stage.entered' && event.type !== 'poll.closed') return;
    const data = event.data as { stage?: string; stageRunId?: string; outcome?: string; ballots?: unknown; members?: unknown };
    const run =
      event.type === 'stage.entered'
        ? data.stageRunId && (await em.findOne(StageRun, data.stageRunId))
        : data.stage && (await em.findOne(StageRun, { campaign: campaignRef.id, stageKey: data.stage }, { orderBy: { iteration: 'desc' } }));
    if (!run || run.stageType !== 'vote') return;
    const campaign = await em.findOneOrFail(Campaign, campaignRef.id);
    const name = (await this.documents.get(em, campaign.workflowVersion.id)).stages[run.stageKey]?.name;
    const stage = { vi: localText(name, run.stageKey, 'vi'), en: localText(name, run.stageKey, 'en') };
    const tasks = await em.find(Task, { stageRun: run.id });
    const kind = event.type === 'stage.entered' ? 'vote' : 'result';
    const message = kind === 'vote' ? awaitedMessage(stage, campaign.name) : resultMessage(stage, campaign.name, data);
    const made = new Set((await em.find(Notification, { dedupeKey: { $in: tasks.map((task) => `${kind}-${task.id}`) } }, { fields: ['dedupeKey'] })).map((n) => n.dedupeKey));
    for (const task of tasks) {
      const dedupeKey = `${kind}-${task.id}`;
      if (made.has(dedupeKey)) continue;
      em.create(Notification, { dedupeKey, unit: task.assigneeUnit, person: task.assigneePerson, campaign, task: kind === 'vote' ? task : null, kind, message });
    }
  }
}

function awaitedMessage(stage: Text, campaign: string): Text {
  return { vi: `Đang chờ phiếu biểu quyết của đơn vị: "${stage.vi}" (${campaign}).`, en: `Your vote is awaited: "${stage.en}" (${campaign}).` };
}

function resultMessage(stage: Text, campaign: string, data: { outcome?: string; ballots?: unknown; members?: unknown }): Text {
  const outcome = OUTCOMES[data.outcome ?? ''] ?? { vi: data.outcome ?? '', en: data.outcome ?? '' };
  const counted = typeof data.ballots === 'number' && typeof data.members === 'number';
  return {
    vi: `Kết quả biểu quyết "${stage.vi}" (${campaign}): ${outcome.vi}${counted ? ` (${String(data.ballots)}/${String(data.members)} đơn vị đã bỏ phiếu)` : ''}.`,
    en: `Vote result of "${stage.en}" (${campaign}): ${outcome.en}${counted ? ` (${String(data.ballots)} of ${String(data.members)} units voted)` : ''}.`,
  };
}

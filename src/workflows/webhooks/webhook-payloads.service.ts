import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { WebhookDelivery } from '../../modules/webhooks/entities/webhook-delivery.entity';
import { LocalText, localText } from '../definitions/workflow-document';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';

/** A name in both languages, as receivers get it. */
export interface BilingualName {
  vi: string;
  en: string;
}

/** The JSON body of every delivery (documented in the README). */
export interface WebhookPayload {
  /** The delivery's id, also in X-Thidua-Delivery: the same on every retry. */
  id: string;
  event: string;
  occurredAt: string;
  campaign: {
    id: string;
    name: string;
    year: number;
    workflow: { key: string; name: BilingualName; version: number };
    subject: { kind: 'cluster' | 'unit'; id: string; name: string };
  };
  /** The stage the event is about, when it is about one. */
  stage: { key: string; name: BilingualName; type: string } | null;
  /** The event as the campaign's history recorded it (ids, outcome, counts…). */
  data: Record<string, unknown>;
  /** Where it sits in the campaign's hash-chained history: a receiver can check it against the exported chain. */
  history: { seq: number; hash: string };
}

const bilingual = (text: LocalText | undefined, fallback: string): BilingualName => ({ vi: localText(text, fallback, 'vi'), en: localText(text, fallback, 'en') });

/** Builds a delivery's body from the history event it reports, with the names of the campaign, workflow, subject and stage. */
@Injectable()
export class WebhookPayloads {
  constructor(private readonly em: EntityManager) {}

  async build(delivery: WebhookDelivery): Promise<{ body: string; campaignName: string }> {
    const em = this.em.fork();
    const event = await em.findOneOrFail(CampaignEvent, delivery.eventId, {
      populate: ['campaign.workflowVersion.definition', 'campaign.subjectCluster', 'campaign.subjectUnit'],
    });
    const campaign = event.campaign;
    const version = campaign.workflowVersion;
    const document = version.document;
    const subject = campaign.subjectCluster
      ? { kind: 'cluster' as const, id: campaign.subjectCluster.id, name: campaign.subjectCluster.name }
      : { kind: 'unit' as const, id: campaign.subjectUnit!.id, name: campaign.subjectUnit!.name };
    const stageKey = typeof event.data.stage === 'string' ? event.data.stage : undefined;
    const stage = stageKey ? document.stages[stageKey] : undefined;
    const payload: WebhookPayload = {
      id: delivery.id,
      event: delivery.eventType,
      occurredAt: event.occurredAt.toISOString(),
      campaign: {
        id: campaign.id,
        name: campaign.name,
        year: campaign.year,
        workflow: { key: version.definition.key, name: bilingual(document.name, version.definition.name), version: version.number },
        subject,
      },
      stage: stageKey && stage ? { key: stageKey, name: bilingual(stage.name, stageKey), type: stage.type } : null,
      data: event.data,
      history: { seq: event.seq, hash: event.hash },
    };
    return { body: JSON.stringify(payload), campaignName: campaign.name };
  }
}

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { StoredFile } from '../../modules/storage/stored-file.entity';
import { ChainVerdict, verifyChain } from '../engine/campaign-history.service';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';
import { Campaign } from '../engine/entities/campaign.entity';

/** Campaigns whose events are verified per round: bounded memory on a sector's whole history. */
const CAMPAIGNS_PER_ROUND = 200;

export interface DataCounts {
  campaigns: number;
  campaignEvents: number;
  storedFiles: number;
}

export interface BrokenChain {
  campaignId: string;
  name: string;
  verdict: Extract<ChainVerdict, { intact: false }>;
}

/** What a check of restored (or live) data found: every campaign's chain, every stored file's bytes. */
export interface DataCheck {
  counts: DataCounts;
  intactChains: number;
  brokenChains: BrokenChain[];
  /** Distinct stored contents looked for in the storage folder, and those whose bytes are not there. */
  contentsChecked: number;
  missingFiles: string[];
}

export async function countData(em: EntityManager): Promise<DataCounts> {
  return { campaigns: await em.count(Campaign, {}), campaignEvents: await em.count(CampaignEvent, {}), storedFiles: await em.count(StoredFile, {}) };
}

/** Verifies the hash chain of every campaign and that every stored file's bytes are present. */
export async function checkData(em: EntityManager, storageDirectory: string): Promise<DataCheck> {
  const counts = await countData(em);
  const brokenChains: BrokenChain[] = [];
  let intactChains = 0;
  for (let offset = 0; offset < counts.campaigns; offset += CAMPAIGNS_PER_ROUND) {
    const round = em.fork();
    const campaigns = await round.find(Campaign, {}, { fields: ['id', 'name'], orderBy: { id: 'asc' }, limit: CAMPAIGNS_PER_ROUND, offset });
    const events = await round.find(CampaignEvent, { campaign: { $in: campaigns.map((c) => c.id) } }, { orderBy: { campaign: 'asc', seq: 'asc' } });
    const byCampaign = new Map<string, CampaignEvent[]>();
    for (const event of events) {
      const list = byCampaign.get(event.campaign.id) ?? [];
      list.push(event);
      byCampaign.set(event.campaign.id, list);
    }
    for (const campaign of campaigns) {
      const verdict = verifyChain(campaign.id, byCampaign.get(campaign.id) ?? []);
      if (verdict.intact) intactChains += 1;
      else brokenChains.push({ campaignId: campaign.id, name: campaign.name, verdict });
    }
  }
  const missingFiles: string[] = [];
  const keys = await em.fork().getConnection().execute<{ storage_key: string }[]>('select distinct storage_key from stored_file order by storage_key');
  for (const { storage_key: key } of keys) {
    await access(join(storageDirectory, key)).catch(() => missingFiles.push(key));
  }
  return { counts, intactChains, brokenChains, contentsChecked: keys.length, missingFiles };
}

/** The check as people read it, Vietnamese first. */
export function formatDataCheck(check: DataCheck): string {
  const lines = [
    `Phong trào / Campaigns: ${check.counts.campaigns}; sự kiện lịch sử / history events: ${check.counts.campaignEvents}; tệp / stored files: ${check.counts.storedFiles}`,
    `${check.brokenChains.length ? '✘' : '✔'} Chuỗi lịch sử nguyên vẹn / intact history chains: ${check.intactChains}/${check.counts.campaigns}`,
    ...check.brokenChains.map((b) => `  ✘ ${b.name} (${b.campaignId}): sự kiện ${b.verdict.brokenAtSeq} / event ${b.verdict.brokenAtSeq}: ${b.verdict.reason}`),
    `${check.missingFiles.length ? '✘' : '✔'} Tệp đã lưu có đủ / stored files present: ${check.contentsChecked - check.missingFiles.length}/${check.contentsChecked}`,
    ...check.missingFiles.map((key) => `  ✘ thiếu / missing: ${key}`),
  ];
  return `${lines.join('\n')}\n`;
}

export const dataIsSound = (check: DataCheck) => check.brokenChains.length === 0 && check.missingFiles.length === 0;

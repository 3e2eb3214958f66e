import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { localText } from '../definitions/workflow-document';
import { CampaignLock } from './campaign-lock.service';
import { CampaignHistoryService } from './campaign-history.service';
import { pinnedVersions } from './campaign-pins';
import { Campaign } from './entities/campaign.entity';
import { WorkflowVersion } from './entities/workflow-version.entity';
import { PublishedDocuments } from './published-documents';

/** Why a campaign on `current` cannot move to `target` (empty when it can), in both languages. */
export function migrationProblems(current: WorkflowVersion, target: WorkflowVersion, activeStages: string[]): Array<{ vi: string; en: string }> {
  if (target.definition.id !== current.definition.id) {
    return [{ vi: `phiên bản thuộc quy trình khác (“${target.definition.key}”)`, en: `the version belongs to another workflow (“${target.definition.key}”)` }];
  }
  if (target.number <= current.number) {
    return [{ vi: `phiên bản ${target.number} không mới hơn phiên bản ${current.number} đang dùng`, en: `version ${target.number} is not newer than version ${current.number} in use` }];
  }
  const problems: Array<{ vi: string; en: string }> = [];
  for (const key of activeStages) {
    const was = current.document.stages[key];
    const now = target.document.stages[key];
    const name = localText(was?.name, key, 'vi');
    if (!now) problems.push({ vi: `bước đang diễn ra “${name}” không có trong phiên bản ${target.number}`, en: `the active stage “${localText(was?.name, key, 'en')}” is not in version ${target.number}` });
    else if (was && now.type !== was.type) problems.push({ vi: `bước “${name}” đổi loại (${was.type} → ${now.type})`, en: `the stage “${localText(was?.name, key, 'en')}” changes type (${was.type} → ${now.type})` });
  }
  return problems;
}

/** Instance migration: a running campaign moved to a newer version of its workflow, under the campaign's lock. */
@Injectable()
export class CampaignMigrationService {
  constructor(
    private readonly lock: CampaignLock,
    private readonly history: CampaignHistoryService,
    private readonly documents: PublishedDocuments,
  ) {}

  /**
   * Moves a running campaign to another published version of its workflow (instance migration): refused with every
   * reason unless the target is a newer version of the same definition in which each active stage exists with the
   * same type. Open tasks, deadlines and the forms already pinned stay; forms only the new version uses are pinned.
   */
  migrate(campaignId: string, targetVersionId: string, principal: Principal): Promise<Campaign> {
    return this.lock.run(campaignId, { personId: principal.personId }, async (ctx) => {
      const current = ctx.campaign.workflowVersion;
      await ctx.em.populate(current, ['definition']);
      const target = await ctx.em.findOne(WorkflowVersion, targetVersionId, { populate: ['definition'] });
      if (!target) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: targetVersionId });
      const reasons = migrationProblems(current, target, ctx.campaign.activeStages);
      if (reasons.length) {
        throw new AppError('CAMPAIGN_MIGRATION_REFUSED', { campaign: ctx.campaign.name, from: current.number, to: target.number, reasons: reasons.map((r) => r.vi).join('; '), reasonsEn: reasons.map((r) => r.en).join('; ') }, { reasons });
      }
      const pinned = await pinnedVersions(ctx.em, target.document);
      const formVersions = { ...((pinned.formVersions as Record<string, string> | undefined) ?? {}), ...((ctx.campaign.context.formVersions as Record<string, string> | undefined) ?? {}) };
      const scoringTables = { ...((pinned.scoringTables as Record<string, string> | undefined) ?? {}), ...((ctx.campaign.context.scoringTables as Record<string, string> | undefined) ?? {}) };
      ctx.campaign.context = {
        ...ctx.campaign.context,
        ...(Object.keys(formVersions).length ? { formVersions } : {}),
        ...(Object.keys(scoringTables).length ? { scoringTables } : {}),
      };
      ctx.campaign.workflowVersion = target;
      this.documents.remember(target.id, target.document);
      await this.history.append(ctx.em, ctx.campaign, 'campaign.migrated', {
        workflow: target.definition.key,
        fromVersion: current.number,
        toVersion: target.number,
        workflowHash: target.contentHash,
        activeStages: ctx.campaign.activeStages,
      }, ctx.actor);
      return ctx.campaign;
    });
  }
}

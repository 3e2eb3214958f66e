import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Language } from '../../common/i18n/language';
import { Clock } from '../../modules/calendar/clock';
import { vietnamDate } from '../../modules/calendar/dates';
import { localText } from '../definitions/workflow-document';
import { CampaignLaunchService, LaunchOptions } from '../engine/campaign-launch.service';
import { Campaign } from '../engine/entities/campaign.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { workflowNameText } from '../engine/refusal-words';

export interface StartableWorkflow {
  key: string;
  name: string;
  versionId: string;
}

/**
 * Campaigns a unit starts itself (`startedBy: "unit"` workflows, e.g. an ad hoc commendation): its officer launches the
 * latest published version for their own unit and the current year, when the occasion arises; everything after is
 * the workflow's, as for any campaign.
 */
@Injectable()
export class UnitStartedCampaignsService {
  constructor(
    private readonly em: EntityManager,
    private readonly launches: CampaignLaunchService,
    private readonly clock: Clock,
  ) {}

  /** The published workflows units may start, by name. */
  async startable(language: Language): Promise<StartableWorkflow[]> {
    const latest = await this.latestVersions();
    return latest
      .filter((version) => version.document.startedBy === 'unit')
      .map((version) => ({ key: version.definition.key, name: localText(version.document.name, version.definition.name, language), versionId: version.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /**
   * Launches the workflow's latest version for the officer's unit.
   * @throws AppError WORKFLOW_DEFINITION_NOT_FOUND, WORKFLOW_NOT_STARTED_BY_UNITS, and the launch's own refusals.
   */
  async start(workflowKey: string, actingFor: ActingFor, principal: Principal, input: { name?: string; year?: number } = {}, options: LaunchOptions = {}): Promise<Campaign> {
    const version = (await this.latestVersions(workflowKey))[0];
    if (!version) throw new AppError('WORKFLOW_DEFINITION_NOT_FOUND', { id: workflowKey });
    if (version.document.startedBy !== 'unit') throw new AppError('WORKFLOW_NOT_STARTED_BY_UNITS', { workflow: workflowNameText(version.document, version.definition.name) });
    const today = vietnamDate(this.clock.now());
    const name = input.name?.trim() || `${localText(version.document.name, version.definition.name, 'vi')} — ${actingFor.unitName} — ${today.split('-').reverse().join('/')}`;
    return this.launches.launch({ workflowVersionId: version.id, name, year: input.year ?? Number(today.slice(0, 4)), unitId: actingFor.unitId }, principal, options);
  }

  /** The latest version of each live workflow (of one key when given), with its definition. */
  private async latestVersions(key?: string): Promise<WorkflowVersion[]> {
    const em = this.em.fork();
    const where = { definition: { archivedAt: null, ...(key ? { key } : {}) } };
    const numbers = await em.find(WorkflowVersion, where, { fields: ['number', 'definition'] });
    const latest = new Map<string, number>();
    for (const version of numbers) latest.set(version.definition.id, Math.max(latest.get(version.definition.id) ?? 0, version.number));
    if (!latest.size) return [];
    return em.find(WorkflowVersion, { $or: [...latest].map(([definition, number]) => ({ definition, number })) }, { populate: ['definition'] });
  }
}

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { statusOf } from '../../common/errors/error-catalog';
import { Language } from '../../common/i18n/language';
import { AdvancedExample } from '../../modules/commendations/entities/advanced-example.entity';
import { RulePacksService } from '../../modules/commendations/records/rule-packs.service';
import { Task } from '../engine/entities/task.entity';
import { ProposeTaskService } from '../stages/propose/propose-task.service';
import { TaskProposalsDto } from '../stages/propose/propose-task.dto';
import { UnitStartedCampaignsService } from './unit-started-campaigns.service';

/** The built-in workflow of an ad hoc commendation (khen thưởng đột xuất), started by the unit. */
export const AD_HOC_WORKFLOW = 'unit-adhoc-commendation';

export interface ExampleCommendation {
  campaignId: string;
  /** The proposal as recorded; null when it was refused and waits on the campaign's propose task. */
  proposals: TaskProposalsDto | null;
  refusal: AppError | null;
}

/**
 * An accepted advanced example proposed for an ad hoc commendation in one step (item 8): the unit's ad hoc workflow is
 * launched for the example's unit and year, and its propose task answered with the example's person (or the unit) and
 * account. The example keeps the campaign it went to, set inside the launch's transaction, so a second request, even a
 * concurrent one, finds that campaign rather than starting another.
 */
@Injectable()
export class ExampleCommendationService {
  constructor(
    private readonly em: EntityManager,
    private readonly started: UnitStartedCampaignsService,
    private readonly proposals: ProposeTaskService,
    private readonly packs: RulePacksService,
  ) {}

  /**
   * @throws AppError EXAMPLE_NOT_FOUND, NOT_MANDATED (not an officer of the example's unit), EXAMPLE_NOT_ACCEPTED,
   *   EXAMPLE_TITLE_NOT_A_FORM, and the launch's refusals. A refused proposal does not throw: the campaign waits at
   *   its propose task, and the refusal is answered with it.
   */
  async propose(exampleId: string, formCode: string, principal: Principal, actingForUnit: (unitId: string) => Promise<ActingFor>, language: Language): Promise<ExampleCommendation> {
    const example = await this.em.fork().findOne(AdvancedExample, exampleId, { populate: ['unit', 'person'] });
    if (!example) throw new AppError('EXAMPLE_NOT_FOUND', { id: exampleId });
    // The example's own unit proposes it (its officer's mandate is checked here).
    const actingFor = await actingForUnit(example.unit.id);
    if (example.status !== 'accepted') throw new AppError('EXAMPLE_NOT_ACCEPTED', { title: example.title, status: example.status });
    const subject = example.person ? 'person' : 'unit';
    const forms = this.packs.forYear(example.year).titles.filter((title) => title.kind === 'form' && title.subject === subject);
    if (!forms.some((form) => form.code === formCode)) {
      throw new AppError('EXAMPLE_TITLE_NOT_A_FORM', { name: example.person?.fullName ?? example.unit.name, forms: forms.map((form) => `${form.code} (${form.shortName[language]})`).join(', ') });
    }
    const campaignId = example.commendationCampaignId ?? (await this.launch(example, principal, actingFor));
    const task = await this.em.fork().findOne(Task, { campaign: campaignId, assigneeUnit: example.unit.id, stageRun: { stageType: 'propose' } }, { orderBy: { createdAt: 'asc' } });
    if (!task || task.status !== 'open') return { campaignId, proposals: task ? await this.proposals.proposedThrough(task.id, language) : null, refusal: null };
    try {
      const candidate = { personId: example.person?.id ?? example.unit.id, account: `${example.title}\n\n${example.account}` };
      return { campaignId, proposals: await this.proposals.submit(task.id, { proposals: [{ title: formCode, candidates: [candidate] }] }, principal, actingFor, language), refusal: null };
    } catch (error) {
      if (error instanceof AppError && statusOf(error.code) < 500) return { campaignId, proposals: null, refusal: error };
      throw error;
    }
  }

  /** The campaign's propose task still open, where a refused proposal waits. */
  async proposeTaskOf(campaignId: string): Promise<string | undefined> {
    return (await this.em.fork().findOne(Task, { campaign: campaignId, status: 'open', stageRun: { stageType: 'propose' } }, { fields: ['id'] }))?.id;
  }

  /** Launches the ad hoc workflow for the example, binding the example to it in the launch's transaction. */
  private async launch(example: AdvancedExample, principal: Principal, actingFor: ActingFor): Promise<string> {
    const name = `Khen thưởng đột xuất: ${example.person?.fullName ?? example.unit.name} — ${example.title}`.slice(0, 255);
    try {
      const campaign = await this.started.start(AD_HOC_WORKFLOW, actingFor, principal, { name, year: example.year }, {
        within: async (em, launched) => {
          const bound = await em.nativeUpdate(AdvancedExample, { id: example.id, commendationCampaignId: null }, { commendationCampaignId: launched.id });
          if (!bound) throw new AppError('EXAMPLE_ALREADY_PROPOSED');
        },
      });
      return campaign.id;
    } catch (error) {
      // Another request bound the example first: its campaign is the one.
      if (!(error instanceof AppError) || error.code !== 'EXAMPLE_ALREADY_PROPOSED') throw error;
      const bound = await this.em.fork().findOneOrFail(AdvancedExample, example.id, { fields: ['commendationCampaignId'] });
      return bound.commendationCampaignId!;
    }
  }
}

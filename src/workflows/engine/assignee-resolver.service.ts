import { EntityManager, wrap } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../../modules/org/entities/person.entity';
import { RoleGrant } from '../../modules/org/entities/role-grant.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import type { AssigneeRule, StageDefinition } from '../definitions/workflow-document';
import type { SubjectMember } from '../stages/stage-handler';
import { ROLE_ASSIGNEE_TEXTS } from '../web/workflow-web-texts';
import { Campaign } from './entities/campaign.entity';
import { stageNameText } from './refusal-words';

export type Assignee = { unit: Unit; person?: undefined } | { person: Person; unit?: undefined };

/** What assignees are found from: the campaign's subject, a cluster (loaded) or a unit. */
export type CampaignSubject = Pick<Campaign, 'subjectCluster' | 'subjectUnit'>;

export const assigneeKey = (a: Assignee) => (a.unit ? `unit:${a.unit.id}` : `person:${a.person!.id}`);

/** Turns a stage's assignee rules into units and people, from the campaign's subject at the moment the stage is entered. */
@Injectable()
export class AssigneeResolver {
  async resolve(em: EntityManager, campaign: CampaignSubject, stageKey: string, stage: StageDefinition): Promise<Assignee[]> {
    const rules: AssigneeRule[] = [...(stage.assignees ?? []), ...(stage.fanOut === 'each-member' ? (['cluster-member'] as const) : [])];
    const found = new Map<string, Assignee>();
    for (const rule of rules) {
      for (const assignee of await this.resolveRule(em, campaign, stageKey, stage, rule)) found.set(assigneeKey(assignee), assignee);
    }
    return [...found.values()];
  }

  /** The subject's member units with their role in it: a cluster's members, or the subject unit alone. */
  async members(em: EntityManager, campaign: CampaignSubject): Promise<SubjectMember[]> {
    if (campaign.subjectUnit) return [{ unitId: campaign.subjectUnit.id, role: 'member' }];
    const cluster = campaign.subjectCluster;
    if (!cluster) return [];
    await em.populate(cluster, ['members']);
    return cluster.members
      .getItems()
      .filter((u) => !u.archivedAt)
      .map((u) => ({ unitId: u.id, role: u.id === cluster.headUnit?.id ? 'head' : u.id === cluster.deputyUnit?.id ? 'deputy' : 'member' }));
  }

  private async resolveRule(em: EntityManager, campaign: CampaignSubject, stageKey: string, stage: StageDefinition, rule: AssigneeRule): Promise<Assignee[]> {
    if (typeof rule === 'object' && 'unit' in rule) {
      const unit = await em.findOne(Unit, { code: rule.unit, archivedAt: null });
      if (!unit) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameText(stage, stageKey), assignee: rule.unit });
      return [{ unit }];
    }
    if (typeof rule === 'object' && 'person' in rule) {
      const person = await em.findOne(Person, { username: rule.person, archivedAt: null });
      if (!person) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameText(stage, stageKey), assignee: rule.person });
      return [{ person }];
    }
    if (rule === 'council-member' || rule === 'admin') {
      const grants = await em.find(RoleGrant, { role: rule, revokedAt: null, person: { archivedAt: null } }, { populate: ['person'] });
      return grants.map((g) => ({ person: g.person }));
    }
    // A unit's own campaign: the unit is its only member, as in members().
    if (rule === 'cluster-member' && campaign.subjectUnit) return [{ unit: campaign.subjectUnit }];
    const cluster = campaign.subjectCluster;
    if (!cluster) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameText(stage, stageKey), assignee: ROLE_ASSIGNEE_TEXTS[rule] ?? rule });
    if (rule === 'cluster-member') {
      await em.populate(cluster, ['members']);
      return cluster.members.getItems().filter((u) => !u.archivedAt).map((unit) => ({ unit }));
    }
    // The head and the deputy are columns of the cluster's own row: a task needs only their ids, no member is loaded.
    if (!wrap(cluster).isInitialized()) await wrap(cluster).init();
    const unit = rule === 'cluster-head' ? cluster.headUnit : cluster.deputyUnit;
    if (!unit) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameText(stage, stageKey), assignee: ROLE_ASSIGNEE_TEXTS[rule] ?? rule });
    return [{ unit }];
  }
}

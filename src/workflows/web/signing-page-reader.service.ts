import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { walkComponents } from '../../modules/forms/form-schema';
import type { UnitRegistration } from '../../modules/signing/statement/title-registrations';
import { Campaign } from '../engine/entities/campaign.entity';
import { Task } from '../engine/entities/task.entity';
import { TITLE_REGISTRATION_FORM } from '../stages/sign/sign.effects';

/** A member unit's sign task, beside the one the page is about. */
export interface SigningUnitTask {
  taskId: string;
  unit: { id: string; code: string; name: string };
  status: string;
  outcome: string | null;
  comment: string | null;
}

export interface SigningTaskContext {
  taskId: string;
  status: string;
  dueAt: string | null;
  campaign: { id: string; name: string };
  unit: { id: string; code: string; name: string };
  /** Every unit's task of the same sign stage run, ordered by unit code: who is still to sign. */
  units: SigningUnitTask[];
}

/** A consolidated registration as the page shows it: the form's own labels and the chosen options' labels. */
export interface RegistrationTable {
  columns: string[];
  rows: Array<{ unit: string; cells: string[] }>;
}

/** The registration's fields the signing page shows, in this order (the rest stays in the submissions). */
const REGISTRATION_FIELDS = ['collectiveTitle', 'totalStaff', 'laoDongTienTienCount', 'chienSiThiDuaCoSoCount', 'individualRegistrations'];

/** Read-only lookups of the signing page beyond the signing service: the stage run's tasks and the form's labels. */
@Injectable()
export class SigningPageReader {
  constructor(private readonly em: EntityManager) {}

  async taskContext(taskId: string): Promise<SigningTaskContext> {
    const em = this.em.fork();
    const task = await em.findOne(Task, taskId, { populate: ['campaign', 'assigneeUnit', 'stageRun'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    if (task.stageRun.stageType !== 'sign' || !task.assigneeUnit) throw new AppError('TASK_HAS_NO_SIGNATURE', { id: taskId });
    const siblings = await em.find(Task, { stageRun: task.stageRun.id, assigneeUnit: { $ne: null } }, { populate: ['assigneeUnit'] });
    const unitOf = (t: Task) => ({ id: t.assigneeUnit!.id, code: t.assigneeUnit!.code, name: t.assigneeUnit!.name });
    return {
      taskId: task.id,
      status: task.status,
      dueAt: task.dueAt?.toISOString() ?? null,
      campaign: { id: task.campaign.id, name: task.campaign.name },
      unit: unitOf(task),
      units: siblings
        .map((t) => ({ taskId: t.id, unit: unitOf(t), status: t.status, outcome: t.outcome, comment: t.comment }))
        .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0)),
    };
  }

  /**
   * The registrations in words: column headings and option labels from the form version the campaign pinned (the
   * form speaks Vietnamese, as its labels are its own), numbers as numbers, the individual list as its length.
   */
  async registrationTable(campaignId: string, registrations: UnitRegistration[]): Promise<RegistrationTable> {
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, campaignId);
    const versionId = (campaign?.context.formVersions as Record<string, string> | undefined)?.[TITLE_REGISTRATION_FORM];
    const version = versionId ? await em.findOne(FormVersion, versionId) : null;
    const components = new Map(walkComponents(version?.schema.components).flatMap(({ component }) => (typeof component.key === 'string' ? [[component.key, component] as const] : [])));
    const fields = REGISTRATION_FIELDS.filter((key) => components.has(key) || registrations.some((r) => key in r.data));
    const labelOf = (key: string) => {
      const label = components.get(key)?.label;
      return typeof label === 'string' && label ? label : key;
    };
    const cellOf = (key: string, value: unknown): string => {
      if (value === undefined || value === null || value === '') return '—';
      if (Array.isArray(value)) return String(value.length);
      const options = components.get(key)?.values;
      const option = Array.isArray(options) ? options.find((candidate: { value?: unknown }) => candidate?.value === value) : undefined;
      return typeof option?.label === 'string' ? option.label : String(value);
    };
    return {
      columns: fields.map(labelOf),
      rows: registrations.map((registration) => ({ unit: `${registration.unitCode} — ${registration.unitName}`, cells: fields.map((key) => cellOf(key, registration.data[key])) })),
    };
  }
}

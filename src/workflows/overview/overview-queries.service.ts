import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Language } from '../../common/i18n/language';
import { sqlRows } from '../../database/sql-rows';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { PublishedDocuments } from '../engine/published-documents';
import { localText, stageLabel } from '../web/page-format';
import { cumulativeSeries } from './completion-series';
import { OverviewCampaignDto, OverviewDto, OverviewGroupDto, OverviewLateUnitDto, OverviewStageDto } from './overview.dto';

type Count = number | string | null;
const count = (value: Count): number => Number(value ?? 0);

interface CampaignRow {
  id: string;
  name: string;
  status: string;
  workflow_version_id: string;
  workflow_key: string;
  workflow_version: number | string;
  subject_cluster_id: string | null;
  cluster_name: string | null;
  subject_unit_id: string | null;
  unit_name: string | null;
}

interface StageRow {
  campaign_id: string;
  stage_key: string;
  iteration: number | string;
  due_at: Date | string | number | null;
  overdue: boolean | number;
  total: Count;
  finished: Count;
  accepted: Count;
  late: Count;
}

interface LateRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  campaign_id: string;
  campaign_name: string;
  workflow_version_id: string;
  stage_key: string;
  late: Count;
  overdue: Count;
}

/** "2020-03-02": a timestamp column's day in Vietnam (UTC+7, no daylight saving), as each database stores it. */
const VIETNAM_DAY = {
  // MikroORM stores SQLite datetimes as epoch milliseconds.
  sqlite: (column: string) => `strftime('%Y-%m-%d', (${column} + 25200000) / 1000, 'unixepoch')`,
  postgresql: (column: string) => `to_char(${column} at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')`,
};

const asIso = (value: Date | string | number | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The administrators' overview of a year (tổng quan): every campaign with its current stages and their progress, the
 * units with late tasks, and tasks assigned and completed day by day. Four set-based statements whatever the number
 * of campaigns (a whole sector is hundreds of clusters), names from the published documents' cache.
 */
@Injectable()
export class OverviewQueriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: PublishedDocuments,
  ) {}

  async overview(year: number, language: Language): Promise<OverviewDto> {
    const em = this.em.fork();
    const dialect = em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? 'postgresql' : 'sqlite';
    const campaigns = await sqlRows<CampaignRow>(
      em,
      `select c.id, c.name, c.status, c.workflow_version_id, d.key as workflow_key, v.number as workflow_version,
        c.subject_cluster_id, cl.name as cluster_name, c.subject_unit_id, u.name as unit_name
       from campaign c join workflow_version v on v.id = c.workflow_version_id join workflow_definition d on d.id = v.definition_id
       left join cluster cl on cl.id = c.subject_cluster_id left join unit u on u.id = c.subject_unit_id
       where c.year = ? order by c.created_at, c.id`,
      [year],
    );
    const stages = await sqlRows<StageRow>(
      em,
      `select r.campaign_id, r.stage_key, r.iteration, r.due_at, r.overdue,
        sum(case when t.status <> 'cancelled' then 1 else 0 end) as total,
        sum(case when t.status = 'done' then 1 else 0 end) as finished,
        sum(case when t.status = 'done' and t.outcome = 'accepted' then 1 else 0 end) as accepted,
        sum(case when t.status <> 'cancelled' and t.late then 1 else 0 end) as late
       from stage_run r join campaign c on c.id = r.campaign_id left join task t on t.stage_run_id = r.id
       where c.year = ? and r.status = 'active'
       group by r.id, r.campaign_id, r.stage_key, r.iteration, r.due_at, r.overdue, r.created_at
       order by r.created_at, r.id`,
      [year],
    );
    const late = await sqlRows<LateRow>(
      em,
      `select t.assignee_unit_id as unit_id, u.code as unit_code, u.name as unit_name, t.campaign_id, c.name as campaign_name, c.workflow_version_id, r.stage_key,
        count(*) as late, sum(case when t.status = 'open' then 1 else 0 end) as overdue
       from task t join campaign c on c.id = t.campaign_id join stage_run r on r.id = t.stage_run_id join unit u on u.id = t.assignee_unit_id
       where c.year = ? and t.late and t.status <> 'cancelled'
       group by t.assignee_unit_id, u.code, u.name, t.campaign_id, c.name, c.workflow_version_id, r.stage_key`,
      [year],
    );
    const day = VIETNAM_DAY[dialect];
    const days = await sqlRows<{ day: string; assigned: Count; completed: Count }>(
      em,
      `select x.day, sum(x.assigned) as assigned, sum(x.completed) as completed from (
         select ${day('t.created_at')} as day, 1 as assigned, 0 as completed from task t join campaign c on c.id = t.campaign_id where c.year = ? and t.status <> 'cancelled'
         union all
         select ${day('t.completed_at')} as day, 0 as assigned, 1 as completed from task t join campaign c on c.id = t.campaign_id
           where c.year = ? and t.status = 'done' and t.completed_at is not null
       ) x group by x.day order by x.day`,
      [year, year],
    );

    const documents = new Map<string, WorkflowDocument>();
    for (const versionId of new Set([...campaigns, ...late].map((row) => row.workflow_version_id))) documents.set(versionId, await this.documents.get(em, versionId));
    const versionOf = new Map(campaigns.map((row) => [row.id, row.workflow_version_id]));
    const stagesOf = new Map<string, OverviewStageDto[]>();
    for (const row of stages) {
      const document = documents.get(versionOf.get(row.campaign_id)!);
      const reviewed = Boolean((document?.stages[row.stage_key]?.settings as { review?: unknown } | undefined)?.review);
      const total = count(row.total);
      const finished = count(row.finished);
      const done = reviewed ? count(row.accepted) : finished;
      const list = stagesOf.get(row.campaign_id) ?? [];
      list.push({
        stageKey: row.stage_key,
        name: stageLabel(document, row.stage_key, language),
        iteration: Number(row.iteration),
        dueAt: asIso(row.due_at),
        overdue: Boolean(row.overdue),
        progress: { total, done, awaitingReview: finished - done, open: total - finished, late: count(row.late) },
      });
      stagesOf.set(row.campaign_id, list);
    }

    const groups = new Map<string, OverviewGroupDto>();
    for (const row of campaigns) {
      const kind = row.subject_cluster_id ? 'cluster' : 'unit';
      const id = (row.subject_cluster_id ?? row.subject_unit_id)!;
      const group = groups.get(`${kind}:${id}`) ?? { kind, id, name: (kind === 'cluster' ? row.cluster_name : row.unit_name) ?? id, campaigns: [] };
      const document = documents.get(row.workflow_version_id);
      const campaign: OverviewCampaignDto = {
        id: row.id,
        name: row.name,
        workflowName: localText(document?.name, language, row.workflow_key),
        workflowKey: row.workflow_key,
        workflowVersion: Number(row.workflow_version),
        status: row.status,
        currentStages: stagesOf.get(row.id) ?? [],
      };
      group.campaigns.push(campaign);
      groups.set(`${kind}:${id}`, group);
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
    const grouped = [...groups.values()].sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'cluster' ? -1 : 1));

    const units = new Map<string, OverviewLateUnitDto>();
    for (const row of late) {
      const unit = units.get(row.unit_id) ?? { unitId: row.unit_id, unitCode: row.unit_code, unitName: row.unit_name, late: 0, overdue: 0, places: [] };
      unit.late += count(row.late);
      unit.overdue += count(row.overdue);
      unit.places.push({
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        stageKey: row.stage_key,
        stageName: stageLabel(documents.get(row.workflow_version_id), row.stage_key, language),
        late: count(row.late),
        overdue: count(row.overdue),
      });
      units.set(row.unit_id, unit);
    }
    const worstFirst = (a: { overdue: number; late: number }, b: { overdue: number; late: number }) => b.overdue - a.overdue || b.late - a.late;
    const lateByUnit = [...units.values()].sort((a, b) => worstFirst(a, b) || a.unitName.localeCompare(b.unitName, 'vi'));
    for (const unit of lateByUnit) unit.places.sort((a, b) => worstFirst(a, b) || a.campaignName.localeCompare(b.campaignName, 'vi') || a.stageName.localeCompare(b.stageName, 'vi'));

    const completion = cumulativeSeries(days.map((row) => ({ day: row.day, assigned: count(row.assigned), completed: count(row.completed) })));
    const last = completion[completion.length - 1];
    return {
      year,
      totals: {
        campaigns: campaigns.length,
        running: campaigns.filter((row) => row.status === 'running').length,
        completed: campaigns.filter((row) => row.status === 'completed').length,
        cancelled: campaigns.filter((row) => row.status === 'cancelled').length,
        tasks: last?.assigned ?? 0,
        tasksDone: last?.completed ?? 0,
        late: lateByUnit.reduce((sum, unit) => sum + unit.late, 0),
        overdue: lateByUnit.reduce((sum, unit) => sum + unit.overdue, 0),
      },
      groups: grouped,
      lateByUnit,
      completion,
    };
  }

  /** Years that have campaigns, newest first: the page's year picker. */
  async years(): Promise<number[]> {
    const rows = await sqlRows<{ year: number | string }>(this.em.fork(), 'select distinct year from campaign order by year desc', []);
    return rows.map((row) => Number(row.year));
  }
}

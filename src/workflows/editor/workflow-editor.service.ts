import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows } from '../../database/sql-rows';
import { WorkflowDefinitionsService } from '../definitions/workflow-definitions.service';
import { workflowDiagram } from '../definitions/workflow-diagram';
import { problemsIn } from '../definitions/validate-workflow';
import type { Language } from '../../common/i18n/language';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { AppError } from '../../common/errors/app-error';
import type { WorkflowCheckDto, WorkflowDiffDto, WorkflowVersionRunsDto } from './dto/workflow-check.dto';
import { diffWorkflows } from './workflow-diff';

/** One definition as the editor's list shows it: its versions with the campaigns pinned to each. */
export interface WorkflowEditorEntry {
  id: string;
  key: string;
  name: string;
  builtIn: boolean;
  versions: WorkflowVersionRunsDto[];
}

const isDrawable = (document: unknown): document is WorkflowDocument =>
  typeof document === 'object' && document !== null && typeof (document as WorkflowDocument).start === 'string' && typeof (document as WorkflowDocument).stages === 'object' && (document as WorkflowDocument).stages !== null;

/** What the workflow editor needs beyond the definitions API: a check of unsaved JSON with its diagram, and the list with its campaigns. */
@Injectable()
export class WorkflowEditorService {
  constructor(
    private readonly em: EntityManager,
    private readonly definitions: WorkflowDefinitionsService,
  ) {}

  /** Every problem of a document as it is being edited (as publishing would find them), and its diagram when it can be drawn. */
  async check(document: unknown, language: Language): Promise<WorkflowCheckDto> {
    const problems = this.definitions.problemsOf(document);
    if (!problems.length) problems.push(...(await this.definitions.unknownForms(document)));
    let mermaid: string | null = null;
    if (isDrawable(document)) {
      try {
        mermaid = workflowDiagram(document);
      } catch {
        // A half-written stage (no type yet, say) cannot be drawn; the problems list says why.
        mermaid = null;
      }
    }
    return { problems: problemsIn(problems, language), mermaid };
  }

  /** Every definition by key, with its versions newest first and the campaigns pinned to each (one statement for the counts). */
  entries(): Promise<WorkflowEditorEntry[]> {
    return this.entriesOf({ archivedAt: null });
  }

  /** One definition as `entries` shows it; 404 WORKFLOW_DEFINITION_NOT_FOUND when there is none. */
  async entry(id: string): Promise<WorkflowEditorEntry> {
    const [entry] = await this.entriesOf({ id, archivedAt: null });
    if (!entry) throw new AppError('WORKFLOW_DEFINITION_NOT_FOUND', { id });
    return entry;
  }

  private async entriesOf(where: FilterQuery<WorkflowDefinition>): Promise<WorkflowEditorEntry[]> {
    const em = this.em.fork();
    const definitions = await em.find(WorkflowDefinition, where, { orderBy: { key: 'asc' } });
    if (!definitions.length) return [];
    const versions = await em.find(WorkflowVersion, { definition: { $in: definitions } }, { fields: ['id', 'number', 'publishedAt', 'definition'], orderBy: { number: 'desc' } });
    const counts = await sqlRows<{ workflow_version_id: string; campaigns: number | string; running: number | string }>(
      em,
      "select c.workflow_version_id, count(*) as campaigns, sum(case when c.status = 'running' then 1 else 0 end) as running from campaign c join workflow_version v on v.id = c.workflow_version_id where v.definition_id in (" + definitions.map(() => '?').join(', ') + ') group by c.workflow_version_id',
      definitions.map((definition) => definition.id),
    );
    const countOf = new Map(counts.map((row) => [row.workflow_version_id, row]));
    return definitions.map((definition) => ({
      id: definition.id,
      key: definition.key,
      name: definition.name,
      builtIn: definition.builtIn,
      versions: versions
        .filter((version) => version.definition.id === definition.id)
        .map((version) => ({
          versionId: version.id,
          number: version.number,
          publishedAt: version.publishedAt.toISOString(),
          running: Number(countOf.get(version.id)?.running ?? 0),
          campaigns: Number(countOf.get(version.id)?.campaigns ?? 0),
        })),
    }));
  }

  /** What changed from version `a` to version `b` of one workflow (422 WORKFLOW_VERSIONS_UNRELATED across workflows). */
  async diff(a: string, b: string): Promise<WorkflowDiffDto> {
    const em = this.em.fork();
    const [from, to] = await Promise.all([a, b].map((id) => em.findOne(WorkflowVersion, id, { populate: ['definition'] })));
    if (!from) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: a });
    if (!to) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: b });
    if (from.definition.id !== to.definition.id) throw new AppError('WORKFLOW_VERSIONS_UNRELATED', { a: from.definition.name, b: to.definition.name });
    return { fromVersion: from.number, toVersion: to.number, ...diffWorkflows(from.document, to.document) };
  }
}

import { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../common/errors/app-error';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { ScoringTableVersion } from '../../modules/scoring/entities/scoring-table-version.entity';
import { sheetFormKeyOf } from '../../modules/scoring/scoring-tables.service';
import { WorkflowDocument } from '../definitions/workflow-document';
import { formSettingsOf } from '../stages/form/form.stage';
import { scoreSettingsOf } from '../stages/score/score.stage';

/**
 * The latest published version of every form the workflow's form stages use, kept in the campaign's
 * context (`formVersions`: key → version id) so its tasks keep that version when a newer one is published.
 */
export async function pinnedVersions(em: EntityManager, document: WorkflowDocument): Promise<Record<string, unknown>> {
  const keys = [...new Set(Object.values(document.stages).filter((s) => s.type === 'form').map((s) => formSettingsOf(s).form))];
  const formVersions: Record<string, string> = {};
  for (const key of keys) {
    const latest = await em.findOne(FormVersion, { definition: { key } }, { orderBy: { number: 'desc' } });
    if (!latest) throw new AppError('FORM_NOT_FOUND', { id: key });
    formVersions[key] = latest.id;
  }
  const scoringTables = await pinnedScoringTables(em, document, formVersions);
  return { ...(Object.keys(formVersions).length ? { formVersions } : {}), ...(scoringTables ? { scoringTables } : {}) };
}

/**
 * The latest version of every scoring table the workflow's score stages name (`scoringTables`: key → version id),
 * and its sheet form in `formVersions` under `scoring/<key>`, so that sheets keep them when newer ones are published.
 */
async function pinnedScoringTables(em: EntityManager, document: WorkflowDocument, formVersions: Record<string, string>): Promise<Record<string, string> | null> {
  const keys = [...new Set(Object.values(document.stages).filter((s) => s.type === 'score').map((s) => scoreSettingsOf(s).table))];
  if (!keys.length) return null;
  const scoringTables: Record<string, string> = {};
  for (const key of keys) {
    const latest = await em.findOne(ScoringTableVersion, { definition: { key } }, { orderBy: { number: 'desc' } });
    if (!latest?.sheetForm) throw new AppError('SCORING_TABLE_NOT_FOUND', { key });
    scoringTables[key] = latest.id;
    formVersions[sheetFormKeyOf(key)] = latest.sheetForm.id;
  }
  return scoringTables;
}

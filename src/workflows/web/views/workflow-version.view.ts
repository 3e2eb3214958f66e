import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { describeCondition } from '../../definitions/condition-text';
import type { WorkflowVersionDto } from '../../definitions/dto/workflow-version.dto';
import { StageDefinition, transitionsOf } from '../../definitions/workflow-document';
import { outcomesOf, stageKeysInOrder } from '../../definitions/document-order';
import { assigneeText, dueRuleText, localText, stageLabel, timeElement } from '../page-format';
import { DEADLINE_POLICY_TEXTS, labelOf, OUTCOME_TEXTS, STAGE_TYPE_TEXTS, wt } from '../workflow-web-texts';

export interface WorkflowVersionViewModel {
  language: Language;
  version: WorkflowVersionDto;
  mermaid: string;
}

const none = (language: Language) => html`<span class="muted">${wt(language, 'none')}</span>`;

function assigneesCell(stage: StageDefinition, language: Language): SafeHtml {
  const items = (stage.assignees ?? []).map((rule) => assigneeText(rule, language));
  if (stage.fanOut === 'each-member') items.push(wt(language, 'eachMember'));
  return items.length ? html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : none(language);
}

function dueCell(stage: StageDefinition, language: Language): SafeHtml {
  if (!stage.due) return none(language);
  const lines = [
    dueRuleText(stage.due, language),
    ...(stage.reminders ?? []).map((reminder) => wt(language, 'reminderBefore', { due: dueRuleText(reminder.before, language) })),
    ...(stage.type === 'wait' ? [] : [labelOf(DEADLINE_POLICY_TEXTS, stage.onDeadline ?? 'mark-late', language)]),
  ];
  return html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}

function transitionsCell(stage: StageDefinition, model: WorkflowVersionViewModel): SafeHtml {
  const { language } = model;
  const { document } = model.version;
  const items = outcomesOf(stage).flatMap((outcome) => {
    const transitions = transitionsOf(stage.on![outcome]);
    return transitions.map((transition) => {
      const guard =
        transition.when !== undefined
          ? ` (${wt(language, 'nextIf')} ${describeCondition(transition.when)})`
          : transitions.length > 1
            ? ` (${wt(language, 'nextOtherwise')})`
            : '';
      return html`<li>${labelOf(OUTCOME_TEXTS, outcome, language)} <code>${outcome}</code>${guard} → ${stageLabel(document, transition.to, language)} <code>${transition.to}</code></li>`;
    });
  });
  return items.length ? html`<ul>${items}</ul>` : none(language);
}

function stageRow(key: string, stage: StageDefinition, model: WorkflowVersionViewModel): SafeHtml {
  const { language } = model;
  const { document } = model.version;
  return html`<tr>
      <th scope="row"><code>${key}</code>${key === document.start ? html`<br><span class="badge badge-running">${wt(language, 'startStage')}</span>` : ''}</th>
      <td>${stageLabel(document, key, language)}</td>
      <td>${labelOf(STAGE_TYPE_TEXTS, stage.type, language)} <code>${stage.type}</code></td>
      <td>${assigneesCell(stage, language)}</td>
      <td>${dueCell(stage, language)}</td>
      <td>${transitionsCell(stage, model)}</td>
    </tr>`;
}

/** A published version, read-only: its facts, one row per stage, and the Mermaid source of its diagram. */
export function workflowVersionView(model: WorkflowVersionViewModel): SafeHtml {
  const { language, version } = model;
  const { document } = version;
  const rows = stageKeysInOrder(document).map((key) => stageRow(key, document.stages[key], model));
  const description = localText(document.description, language, '');
  return html`<h1>${localText(document.name, language, version.definitionKey)}</h1>
<p class="lead">${wt(language, 'versionTitle', { key: version.definitionKey, number: version.number })}</p>
${description && html`<p>${description}</p>`}
<section aria-labelledby="version-facts">
  <h2 id="version-facts">${wt(language, 'versionFacts')}</h2>
  <dl class="facts">
    <dt>${wt(language, 'publishedAt')}</dt><dd>${timeElement(version.publishedAt, language)}</dd>
    <dt>${wt(language, 'publishedBy')}</dt><dd>${version.publishedBy ? `${version.publishedBy.fullName} (${version.publishedBy.username})` : wt(language, 'builtInPublisher')}</dd>
    <dt>${wt(language, 'contentHash')}</dt><dd><code class="break">${version.contentHash}</code></dd>
    <dt>${wt(language, 'startStage')}</dt><dd>${stageLabel(document, document.start, language)} <code>${document.start}</code></dd>
  </dl>
</section>
<section aria-labelledby="stages-heading">
  <h2 id="stages-heading">${wt(language, 'stagesHeading')}</h2>
  <div class="table-wrap" role="region" aria-labelledby="stages-heading" tabindex="0">
    <table>
      <thead><tr>
        <th scope="col">${wt(language, 'stageKey')}</th>
        <th scope="col">${wt(language, 'name')}</th>
        <th scope="col">${wt(language, 'stageType')}</th>
        <th scope="col">${wt(language, 'assignees')}</th>
        <th scope="col">${wt(language, 'dueRule')}</th>
        <th scope="col">${wt(language, 'transitions')}</th>
      </tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div>
</section>
<section aria-labelledby="diagram-heading">
  <h2 id="diagram-heading">${wt(language, 'diagramHeading')}</h2>
  <p class="muted">${wt(language, 'diagramHint')}</p>
  <pre class="source" tabindex="0" aria-labelledby="diagram-heading"><code>${model.mermaid}</code></pre>
</section>`;
}

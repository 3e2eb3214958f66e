import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { HistoryEventDto } from '../../api/dto/campaign.dto';
import type { WorkflowDocument } from '../../definitions/workflow-document';
import type { ChainVerdict } from '../../engine/campaign-history.service';
import { stageLabel, timeElement } from '../page-format';
import { CHAIN_REASON_TEXTS, EVENT_TEXTS, labelOf, OUTCOME_TEXTS, wt } from '../workflow-web-texts';

export interface CampaignHistoryViewModel {
  language: Language;
  campaign: { id: string; name: string };
  document: WorkflowDocument;
  events: HistoryEventDto[];
  /** Links to the other pages of the history, when it has more than one. */
  pager?: SafeHtml | '';
  verdict: ChainVerdict;
  people: Map<string, string>;
  units: Map<string, { code: string; name: string }>;
}

/** The verification result: intact with its head hash, or the first broken event and why. */
export function chainVerdictLine(verdict: ChainVerdict, language: Language): SafeHtml {
  if (verdict.intact) {
    return html`<p class="verdict-ok" id="chain-verdict">${wt(language, 'chainIntact', { count: verdict.events, hash: `${verdict.headHash.slice(0, 12)}…` })}</p>`;
  }
  const reason = labelOf(CHAIN_REASON_TEXTS, verdict.reason, language);
  return html`<p class="alert" id="chain-verdict">${wt(language, 'chainBroken', { seq: verdict.brokenAtSeq, reason })}</p>`;
}

function actorText(event: HistoryEventDto, model: CampaignHistoryViewModel): string {
  const { language } = model;
  if (!event.actor?.personId) return wt(language, 'engineActor');
  const person = model.people.get(event.actor.personId) ?? event.actor.personId;
  const unit = event.actor.unitId ? model.units.get(event.actor.unitId) : undefined;
  return unit ? wt(language, 'actingFor', { person, unit: unit.code }) : person;
}

/** The stage and outcome an event is about, when it names them. */
function eventDetail(event: HistoryEventDto, model: CampaignHistoryViewModel): string {
  const { language } = model;
  const parts: string[] = [];
  if (typeof event.data.stage === 'string') parts.push(stageLabel(model.document, event.data.stage, language));
  if (typeof event.data.outcome === 'string') parts.push(labelOf(OUTCOME_TEXTS, event.data.outcome, language));
  if (typeof event.data.reason === 'string') parts.push(event.data.reason);
  return parts.join(' · ');
}

/** The whole hash-chained history of a campaign, the broken event marked when verification fails. */
export function campaignHistoryView(model: CampaignHistoryViewModel): SafeHtml {
  const { language, verdict } = model;
  const brokenAt = verdict.intact ? undefined : verdict.brokenAtSeq;
  const rows = model.events.map((event) => {
    const detail = eventDetail(event, model);
    const broken = event.seq === brokenAt;
    return html`<tr${broken ? html` class="is-broken"` : ''}>
      <td>${event.seq}${broken ? html` <span class="badge badge-late">!</span>` : ''}</td>
      <td>${timeElement(event.occurredAt, language)}</td>
      <td>${labelOf(EVENT_TEXTS, event.type, language)}${detail ? html`<br><span class="muted">${detail}</span>` : ''}</td>
      <td>${actorText(event, model)}</td>
      <td><code title="${event.hash}">${event.hash.slice(0, 12)}…</code></td>
    </tr>`;
  });
  return html`<h1 id="history-title">${wt(language, 'historyTitle', { name: model.campaign.name })}</h1>
<p><a href="/campaigns/${model.campaign.id}">${wt(language, 'backToCampaign')}</a></p>
${chainVerdictLine(verdict, language)}
<div class="table-wrap" role="region" aria-labelledby="history-title" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${wt(language, 'eventSeq')}</th>
      <th scope="col">${wt(language, 'eventTime')}</th>
      <th scope="col">${wt(language, 'eventType')}</th>
      <th scope="col">${wt(language, 'eventActor')}</th>
      <th scope="col">${wt(language, 'eventHash')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
</div>
${model.pager ?? ''}`;
}

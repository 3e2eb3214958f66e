import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { PollResultDto, PollStatusDto } from '../../../modules/voting/dto/poll-response.dto';
import { timeElement } from '../page-format';
import { labelOf } from '../workflow-web-texts';
import { CHOICE_TEXTS, POLL_OUTCOME_TEXTS, pt, ruleText } from '../poll-web-texts';

export interface PollViewModel {
  language: Language;
  status: PollStatusDto;
  result: PollResultDto | null;
  /** Where the subject can be read (the document version, or the amendment on the document page). */
  subjectLink: string | null;
  campaignId: string | null;
  /** Member names by id (units or people), for the voter lists. */
  names: Map<string, string>;
  /** The units the viewer may vote for here, with their codes. */
  voteFor: Array<{ unitId: string; unitCode: string }>;
  flash?: string;
  failure?: { message: string; choice?: string };
}

const choiceText = (choice: unknown, language: Language) => (typeof choice === 'string' ? labelOf(CHOICE_TEXTS, choice, language) : JSON.stringify(choice));

function ballotForm(model: PollViewModel): SafeHtml | '' {
  const { language, status, voteFor, failure } = model;
  if (status.status !== 'open') return '';
  if (!voteFor.length) return html`<p class="muted" id="not-in-electorate">${pt(language, 'notInElectorate')}</p>`;
  const unitField =
    voteFor.length === 1
      ? html`<input type="hidden" name="unit" value="${voteFor[0].unitCode}"><p>${pt(language, 'castFor')}: <strong>${voteFor[0].unitCode}</strong></p>`
      : html`<div class="field"><label for="ballot-unit">${pt(language, 'castFor')}</label><select id="ballot-unit" name="unit">${voteFor.map((unit) => html`<option value="${unit.unitCode}">${unit.unitCode}</option>`)}</select></div>`;
  const options = ['agree', 'disagree', 'abstain'].map(
    (choice) => html`<div class="choice"><input type="radio" id="choice-${choice}" name="choice" value="${choice}" required${failure?.choice === choice ? html` checked` : ''}><label for="choice-${choice}">${labelOf(CHOICE_TEXTS, choice, language)}</label></div>`,
  );
  return html`<section aria-labelledby="cast-heading" class="task">
  <h2 id="cast-heading">${pt(language, 'castHeading')}</h2>
  <form method="post" action="/polls/${status.id}/ballot">
    <input type="hidden" name="subjectHash" value="${status.subject.hash}">
    ${unitField}
    <fieldset><legend>${pt(language, 'choice')}</legend>${options}</fieldset>
    <button type="submit">${pt(language, 'castButton')}</button>
  </form>
</section>`;
}

function mineList(model: PollViewModel): SafeHtml | '' {
  const { language, status, names } = model;
  if (!status.mine.length) return '';
  return html`<ul class="mine">${status.mine.map((ballot) => {
    const unit = names.get(ballot.voterKey.replace(/^(unit|person):/, '')) ?? ballot.voterKey;
    return html`<li>${pt(language, 'yourBallotCast', { unit, choice: choiceText(ballot.choice, language) })} <span class="muted">${pt(language, 'receipt')}: <code class="break">${ballot.receipt}</code></span></li>`;
  })}</ul>`;
}

function votersList(model: PollViewModel): SafeHtml {
  const { language, status, names } = model;
  if (status.voters === null) return html`<p class="muted">${pt(language, 'votersHidden', { n: 3 })}</p>`;
  if (!status.voters.length) return html`<p class="muted">—</p>`;
  return html`<ul>${status.voters.map(
    (voter) => html`<li>${names.get(voter.memberId) ?? voter.memberId} <span class="muted">${timeElement(voter.castAt, language)}</span>${voter.choice !== undefined ? html` — ${choiceText(voter.choice, language)}` : ''}</li>`,
  )}</ul>`;
}

function resultSection(model: PollViewModel): SafeHtml | '' {
  const { language, result, names } = model;
  if (!result) return '';
  const counted = result.counted?.length
    ? html`<div class="table-wrap"><table id="counted">
  <caption>${pt(language, 'countedHeading')}</caption>
  <thead><tr><th scope="col">${pt(language, 'unit')}</th><th scope="col">${pt(language, 'choice')}</th><th scope="col">${pt(language, 'receipt')}</th></tr></thead>
  <tbody>${result.counted.map((ballot) => html`<tr><td>${names.get(ballot.memberId) ?? ballot.memberId}</td><td>${choiceText(ballot.choice, language)}</td><td><code class="break">${ballot.receipt.slice(0, 16)}…</code></td></tr>`)}</tbody>
</table></div>`
    : '';
  return html`<section aria-labelledby="result-heading">
  <h2 id="result-heading">${pt(language, 'resultHeading')}: <span class="badge badge-${result.outcome === 'passed' ? 'completed' : 'late'}" id="poll-outcome">${labelOf(POLL_OUTCOME_TEXTS, result.outcome, language)}</span></h2>
  <p class="lead" id="poll-arithmetic">${result.explanation[language]}</p>
  <dl class="facts">
    <dt>${pt(language, 'members')}</dt><dd>${result.members}</dd>
    <dt>${pt(language, 'ballots')}</dt><dd>${result.ballots}</dd>
    ${result.agree !== undefined ? html`<dt>${labelOf(CHOICE_TEXTS, 'agree', language)}</dt><dd>${result.agree}</dd><dt>${labelOf(CHOICE_TEXTS, 'disagree', language)}</dt><dd>${result.disagree}</dd><dt>${labelOf(CHOICE_TEXTS, 'abstain', language)}</dt><dd>${result.abstain}</dd>` : ''}
  </dl>
  ${counted}
</section>`;
}

/** A poll: its subject bound by hash, its rule in words, the progress, the viewer's ballot form, and the result with its arithmetic. */
export function pollView(model: PollViewModel): SafeHtml {
  const { language, status } = model;
  return html`${model.campaignId ? html`<p><a href="/campaigns/${model.campaignId}">${pt(language, 'backToCampaign')}</a></p>` : ''}
<h1>${pt(language, 'pollTitle', { label: status.subject.label })}</h1>
${model.failure && html`<p class="alert" role="alert" id="ballot-error">${model.failure.message}</p>`}
${model.flash && html`<p class="flash" role="status" id="ballot-flash">${model.flash}</p>`}
<dl class="facts">
  <dt>${pt(language, 'subject')}</dt><dd>${model.subjectLink ? html`<a href="${model.subjectLink}">${status.subject.label}</a>` : status.subject.label}</dd>
  <dt>${pt(language, 'subjectHash')}</dt><dd><code class="break" title="${status.subject.hash}">${status.subject.hash.slice(0, 16)}…</code></dd>
  <dt>${pt(language, 'rule')}</dt><dd id="poll-rule">${ruleText(status.rule, language)}</dd>
  <dt>${pt(language, 'ballotKind')}</dt><dd>${pt(language, status.rule.ballot === 'secret' ? 'secretBallot' : 'openBallot')}</dd>
  <dt>${pt(language, 'closesAt')}</dt><dd>${status.closesAt ? timeElement(status.closesAt, language) : pt(language, 'noClose')}</dd>
  <dt>${pt(language, 'progress')}</dt><dd><span class="badge badge-${status.status === 'open' ? 'running' : 'completed'}">${pt(language, status.status === 'open' ? 'statusOpen' : 'statusClosed')}</span> <span id="poll-progress">${status.progress.text[language]}</span>
    <progress value="${status.progress.voted}" max="${status.progress.members}" aria-label="${status.progress.text[language]}"></progress></dd>
</dl>
${mineList(model)}
${ballotForm(model)}
<section aria-labelledby="voters-heading"><h2 id="voters-heading">${pt(language, 'votersHeading')}</h2>${votersList(model)}</section>
${resultSection(model)}`;
}

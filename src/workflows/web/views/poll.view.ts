import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { PollResultDto, PollStatusDto } from '../../../modules/voting/dto/poll-response.dto';
import { timeElement } from '../page-format';
import { labelOf } from '../workflow-web-texts';
import { CHOICE_TEXTS, CONFIRMATION_TEXTS, POLL_OUTCOME_TEXTS, pt, ruleText } from '../poll-web-texts';

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
  voteFor: Array<{ unitId: string; unitCode: string; unitName: string }>;
  /** The viewer votes in person: the poll's electorate is people (a council) and they are one of them. */
  votesInPerson: boolean;
  flash?: string;
  failure?: { message: string; choice?: string };
  /** The viewer may record a meeting's ballots (secretary or administrator). */
  canRecordOffline: boolean;
  /** Unit codes by id, for the offline forms. */
  unitCodes: Map<string, string>;
}

const choiceText = (choice: unknown, language: Language) => (typeof choice === 'string' ? labelOf(CHOICE_TEXTS, choice, language) : JSON.stringify(choice));

/** A council member's ballot on candidates: one checkbox each, ticked for approval (the poll judges each on its own). */
function personalBallotForm(model: PollViewModel): SafeHtml {
  const { language, status } = model;
  const candidates = status.candidates ?? [];
  return html`<section aria-labelledby="cast-heading" class="task">
  <h2 id="cast-heading">${pt(language, 'castHeading')}</h2>
  <form method="post" action="/polls/${status.id}/ballot">
    <input type="hidden" name="subjectHash" value="${status.subject.hash}">
    <p>${pt(language, 'castAsMember')}</p>
    <fieldset><legend>${pt(language, 'candidatesLegend')}</legend>${candidates.map(
      (candidate, i) => html`<div class="choice"><input type="checkbox" id="candidate-${i}" name="candidate" value="${candidate.id}"><label for="candidate-${i}">${candidate.label}</label></div>`,
    )}</fieldset>
    <button type="submit">${pt(language, 'castButton')}</button>
  </form>
</section>`;
}

function ballotForm(model: PollViewModel): SafeHtml | '' {
  const { language, status, voteFor, failure } = model;
  if (status.status !== 'open') return '';
  if (status.electorate.kind === 'people') return model.votesInPerson && status.candidates ? personalBallotForm(model) : html`<p class="muted" id="not-in-electorate">${pt(language, 'notAMember')}</p>`;
  if (!voteFor.length) return html`<p class="muted" id="not-in-electorate">${pt(language, 'notInElectorate')}</p>`;
  const unitField =
    voteFor.length === 1
      ? html`<input type="hidden" name="unit" value="${voteFor[0].unitCode}"><p>${pt(language, 'castFor')}: <strong>${voteFor[0].unitCode} — ${voteFor[0].unitName}</strong></p>`
      : html`<div class="field"><label for="ballot-unit">${pt(language, 'castFor')}</label><select id="ballot-unit" name="unit">${voteFor.map((unit) => html`<option value="${unit.unitCode}">${unit.unitCode} — ${unit.unitName}</option>`)}</select></div>`;
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
  const { language, status, names, unitCodes } = model;
  if (!status.mine.length) return '';
  return html`<ul class="mine">${status.mine.map((ballot) => {
    const memberId = ballot.voterKey.replace(/^(unit|person):/, '');
    const unit = names.get(memberId) ?? ballot.voterKey;
    const choice = choiceText(ballot.choice, language);
    const offline = ballot.offline ? html` <span class="muted">${pt(language, 'offlineMark', { state: ballot.confirmation ? ` — ${labelOf(CONFIRMATION_TEXTS, ballot.confirmation, language)}` : '' })}</span>` : '';
    const confirmForm =
      ballot.offline && ballot.confirmation === 'pending'
        ? html`<form method="post" action="/polls/${status.id}/offline/confirm" class="confirm-form">
      <p><strong>${pt(language, 'confirmHeading', { unit, choice })}</strong></p>
      <input type="hidden" name="unit" value="${unitCodes.get(memberId) ?? memberId}">
      <div class="field"><label for="confirm-comment-${memberId}">${pt(language, 'confirmComment')}</label><textarea id="confirm-comment-${memberId}" name="comment" rows="2" maxlength="2000"></textarea></div>
      <div class="actions"><button type="submit" name="decision" value="confirm">${pt(language, 'confirm')}</button><button type="submit" name="decision" value="dispute" class="secondary">${pt(language, 'dispute')}</button></div>
    </form>`
        : '';
    return html`<li>${pt(language, 'yourBallotCast', { unit, choice })}${offline} <span class="muted">${pt(language, 'receipt')}: <code class="break">${ballot.receipt}</code></span>${confirmForm}</li>`;
  })}</ul>`;
}

function offlineForm(model: PollViewModel): SafeHtml | '' {
  const { language, status, unitCodes, names } = model;
  if (!model.canRecordOffline || status.status !== 'open' || status.electorate.kind !== 'units') return '';
  const rows = status.electorate.memberIds.map(
    (unitId) => html`<div class="field"><label for="offline-${unitId}">${names.get(unitId) ?? unitId}</label>
      <select id="offline-${unitId}" name="ballot_${unitCodes.get(unitId) ?? unitId}">
        <option value="">${pt(language, 'notRecorded')}</option>
        ${['agree', 'disagree', 'abstain'].map((choice) => html`<option value="${choice}">${labelOf(CHOICE_TEXTS, choice, language)}</option>`)}
      </select></div>`,
  );
  return html`<section aria-labelledby="offline-heading" class="task">
  <h2 id="offline-heading">${pt(language, 'offlineHeading')}</h2>
  <p class="muted">${pt(language, 'offlineIntro')}</p>
  <form method="post" action="/polls/${status.id}/offline">
    <div class="field"><label for="minutes-title">${pt(language, 'minutesTitle')}</label><input type="text" id="minutes-title" name="title" required maxlength="300"></div>
    <div class="field"><label for="minutes-held">${pt(language, 'minutesHeldAt')}</label><input type="datetime-local" id="minutes-held" name="heldAt" required></div>
    <div class="field"><label for="minutes-text">${pt(language, 'minutesText')}</label><textarea id="minutes-text" name="text" rows="4" required maxlength="20000"></textarea></div>
    <div class="field"><label for="minutes-window">${pt(language, 'confirmWindow')}</label><input type="number" id="minutes-window" name="confirmWindowHours" min="1" max="720" value="48" required></div>
    <fieldset><legend>${pt(language, 'ballotsByUnit')}</legend>${rows}</fieldset>
    <button type="submit">${pt(language, 'recordOffline')}</button>
  </form>
</section>`;
}

function disputedList(model: PollViewModel): SafeHtml | '' {
  const { language, status, names } = model;
  if (!status.disputed.length) return '';
  return html`<section aria-labelledby="disputed-heading"><h2 id="disputed-heading">${pt(language, 'disputedHeading')}</h2><ul id="disputed">${status.disputed.map(
    (entry) => html`<li>${names.get(entry.memberId) ?? entry.memberId}${entry.comment ? html`: ${entry.comment}` : ''}</li>`,
  )}</ul></section>`;
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
${offlineForm(model)}
${disputedList(model)}
<section aria-labelledby="voters-heading"><h2 id="voters-heading">${pt(language, 'votersHeading')}</h2>${votersList(model)}</section>
${resultSection(model)}`;
}

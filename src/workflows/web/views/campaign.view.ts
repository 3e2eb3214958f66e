import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { CampaignDetailDto, StageRunDto } from '../../api/dto/campaign.dto';
import type { ChainVerdict } from '../../engine/campaign-history.service';
import type { CampaignPinning, PactSigning } from '../campaign-page-reader.service';
import type { CampaignTimeline, NextStage } from '../campaign-timeline';
import { st } from '../pact-signing-texts';
import { localText, progressText, stageLabel, timeElement } from '../page-format';
import { rt } from '../ranking-web-texts';
import { sct } from '../../stages/score/web/score-web-texts';
import { labelOf, OUTCOME_TEXTS, wt } from '../workflow-web-texts';
import { chainVerdictLine } from './campaign-history.view';
import { statusBadge } from './campaign-list.view';
import { pactSigningBlock, pactStatusLine } from './pact-signing.view';

export interface CampaignViewModel {
  language: Language;
  campaign: CampaignDetailDto;
  pinning: CampaignPinning;
  timeline: CampaignTimeline;
  verdict: ChainVerdict;
  /** Administrators may open the pinned workflow version. */
  canSeeVersion: boolean;
  /** The campaign's pact document and each vote stage run's poll, when it has them. */
  deliberation?: { documentId: string | null; polls: Record<string, string> };
  /** The pact's signings, one per sign stage run that opened one. */
  signings?: PactSigning[];
  /** The minutes of the review and acclamation (biên bản, PDF), once the acclamation vote has closed. */
  minutesHref?: string;
  /** The ranking page, once a rank stage has computed one (context.ranking). */
  rankingHref?: string;
  /** The scoring matrix (who has scored whom), when the workflow has score stages. */
  scoreMatrixHref?: string;
  /** A confirmation after a change made from this page. */
  flash?: string;
  /** What the viewer may do to the campaign itself (an administrator's cancel form), after its history. */
  actions?: SafeHtml;
}

const signingOfRun = (run: StageRunDto, model: CampaignViewModel) => (run.type === 'sign' ? model.signings?.find((signing) => signing.stageRunId === run.id) : undefined);

/** Where a stage run leads: its poll for a vote, the document for a discussion. */
function runLinks(run: StageRunDto, model: CampaignViewModel): SafeHtml | '' {
  const { language, deliberation } = model;
  const pollId = deliberation?.polls[run.id];
  if (run.type === 'vote' && pollId) return html`<p><a href="/polls/${pollId}">${wt(language, run.status === 'active' ? 'openVote' : 'voteResult')}</a></p>`;
  if ((run.type === 'discussion' || run.type === 'sign') && deliberation?.documentId) return html`<p><a href="/documents/${deliberation.documentId}">${wt(language, 'openDocument')}</a></p>`;
  return '';
}

/** A vote counts ballots, not "done" tasks: "3/6 đơn vị đã bỏ phiếu"; a signing counts signatures: "4/6 đơn vị đã ký". */
function runProgressText(run: StageRunDto, model: CampaignViewModel): string {
  const { language } = model;
  const signing = signingOfRun(run, model);
  if (signing) return st(language, 'unitsSigned', { signed: signing.signed, total: signing.total });
  if (run.type !== 'vote') return progressText(run.progress, language);
  return wt(language, 'unitsVoted', { done: run.progress.done, total: run.progress.total });
}

/** Who has signed, unit by unit, under a sign stage run. */
function runSigning(run: StageRunDto, model: CampaignViewModel): SafeHtml | '' {
  const signing = signingOfRun(run, model);
  return signing ? pactSigningBlock(signing, model.language, 'h4') : '';
}

function runTitle(run: StageRunDto, model: CampaignViewModel): SafeHtml {
  const { language } = model;
  const name = stageLabel(model.pinning.document, run.stageKey, language);
  return html`<h3>${name}${run.iteration > 1 ? html` <span class="muted">${wt(language, 'iteration', { n: run.iteration })}</span>` : ''}</h3>`;
}

function meter(run: StageRunDto, model: CampaignViewModel): SafeHtml {
  const { language } = model;
  const { progress } = run;
  if (!progress.total) return html`<p class="muted">${wt(language, 'noTasks')}</p>`;
  const summary = runProgressText(run, model);
  return html`<div class="meter">
    <span id="progress-${run.id}-label">${wt(language, 'progress')}:</span>
    <progress id="progress-${run.id}" max="${progress.total}" value="${progress.done}" aria-labelledby="progress-${run.id}-label progress-${run.id}-text">${progress.done}/${progress.total}</progress>
    <span id="progress-${run.id}-text">${summary}</span>
  </div>`;
}

function doneItem(run: StageRunDto, model: CampaignViewModel): SafeHtml {
  const { language } = model;
  const cancelled = run.status === 'cancelled';
  const facts = [
    run.outcome && html`${wt(language, 'result')}: <strong>${labelOf(OUTCOME_TEXTS, run.outcome, language)}</strong>`,
    run.closedAt && html`${wt(language, 'closedAt')}: ${timeElement(run.closedAt, language)}`,
    run.progress.total > 0 && runProgressText(run, model),
  ].filter(Boolean);
  return html`<li class="${cancelled ? 'is-cancelled' : 'is-done'}">
    <span class="phase">${wt(language, cancelled ? 'timelineCancelled' : 'timelineDone')}</span>
    ${runTitle(run, model)}
    <p>${facts.map((fact, index) => html`${index ? ' · ' : ''}${fact}`)}</p>
    ${runSigning(run, model)}
    ${runLinks(run, model)}
  </li>`;
}

function currentItem(run: StageRunDto, model: CampaignViewModel): SafeHtml {
  const { language } = model;
  const due = run.dueAt
    ? html`<p>${wt(language, 'dueAt')}: ${timeElement(run.dueAt, language)}${run.overdue ? html` <span class="badge badge-late">${wt(language, 'overdue')}</span>` : ''}</p>`
    : '';
  return html`<li class="is-current" aria-current="step">
    <span class="phase">${wt(language, 'timelineCurrent')}</span>
    ${runTitle(run, model)}
    ${meter(run, model)}
    ${due}
    ${runSigning(run, model)}
    ${runLinks(run, model)}
  </li>`;
}

function nextItem(stage: NextStage, model: CampaignViewModel): SafeHtml {
  const { language } = model;
  const { document } = model.pinning;
  const severalCurrent = model.timeline.current.length > 1;
  const routes = stage.routes.map((route) => {
    const from = severalCurrent ? `${stageLabel(document, route.fromKey, language)}: ` : '';
    const guard = route.condition ? `, ${wt(language, 'nextIf')} ${route.condition}` : route.fallback ? ` (${wt(language, 'nextOtherwise')})` : '';
    return html`<li>${wt(language, 'nextWhen')} ${from}<strong>${labelOf(OUTCOME_TEXTS, route.outcome, language)}</strong>${guard}</li>`;
  });
  return html`<li class="is-next">
    <span class="phase">${wt(language, 'timelineNext')}</span>
    <h3>${stageLabel(document, stage.key, language)}${stage.again ? html` <span class="muted">(${wt(language, 'nextAgain')})</span>` : ''}</h3>
    <ul class="routes">${routes}</ul>
  </li>`;
}

function subjectText(model: CampaignViewModel): string {
  const { subject } = model.pinning;
  if (!subject) return '—';
  if (subject.kind === 'cluster') return wt(model.language, 'subjectCluster', { name: subject.name, year: subject.year });
  return `${subject.code} — ${subject.name}`;
}

/** One campaign: its facts, the stage timeline (done, current with progress, next) and the history check. */
export function campaignView(model: CampaignViewModel): SafeHtml {
  const { language, campaign, timeline } = model;
  const workflowName = localText(model.pinning.document.name, language, campaign.workflowKey);
  const version = `${campaign.workflowKey}, ${wt(language, 'versionNumber', { number: campaign.workflowVersion })}`;
  const inForce = model.signings?.find((signing) => signing.status === 'in-force');
  const items = [
    ...timeline.done.map((run) => doneItem(run, model)),
    ...timeline.current.map((run) => currentItem(run, model)),
    ...timeline.next.map((stage) => nextItem(stage, model)),
  ];
  return html`<h1>${campaign.name}</h1>
${model.flash ? html`<p class="flash" role="status">${model.flash}</p>` : ''}
<dl class="facts">
  <dt>${wt(language, 'status')}</dt><dd>${statusBadge(campaign.status, language)}</dd>
  <dt>${wt(language, 'subject')}</dt><dd>${subjectText(model)}</dd>
  <dt>${wt(language, 'year')}</dt><dd>${campaign.year}</dd>
  <dt>${wt(language, 'workflow')}</dt><dd>${workflowName} <span class="muted">(${model.canSeeVersion ? html`<a href="/workflow-versions/${model.pinning.versionId}">${version}</a>` : version})</span></dd>
  <dt>${wt(language, 'launchedAt')}</dt><dd>${timeElement(campaign.createdAt, language)}</dd>
  ${campaign.endedAt && html`<dt>${wt(language, 'endedAt')}</dt><dd>${timeElement(campaign.endedAt, language)}</dd>`}
  ${campaign.cancelReason && html`<dt>${wt(language, 'cancelReason')}</dt><dd>${campaign.cancelReason}</dd>`}
  ${inForce && html`<dt>${st(language, 'heading')}</dt><dd>${pactStatusLine(inForce, language)}</dd>`}
  ${model.deliberation?.documentId && html`<dt>${wt(language, 'document')}</dt><dd><a href="/documents/${model.deliberation.documentId}" id="campaign-document">${wt(language, 'openDocument')}</a></dd>`}
  ${model.scoreMatrixHref && html`<dt>${sct(language, 'matrixLink')}</dt><dd><a href="${model.scoreMatrixHref}" id="campaign-score-matrix">${sct(language, 'openMatrix')}</a></dd>`}
  ${model.rankingHref && html`<dt>${rt(language, 'tableHeading')}</dt><dd><a href="${model.rankingHref}" id="campaign-ranking">${rt(language, 'openRanking')}</a></dd>`}
  ${model.minutesHref && html`<dt>${language === 'vi' ? 'Biên bản' : 'Minutes'}</dt><dd><a href="${model.minutesHref}" id="campaign-minutes">${language === 'vi' ? 'Biên bản họp bình xét, suy tôn (PDF)' : 'Minutes of the review and acclamation (PDF)'}</a></dd>`}
</dl>
<section aria-labelledby="timeline-heading">
  <h2 id="timeline-heading">${wt(language, 'timelineHeading')}</h2>
  ${items.length ? html`<ol class="timeline">${items}</ol>` : html`<p class="muted">${wt(language, 'timelineEmpty')}</p>`}
</section>
<section aria-labelledby="history-heading">
  <h2 id="history-heading">${wt(language, 'historyHeading')}</h2>
  ${chainVerdictLine(model.verdict, language)}
  <p><a href="/campaigns/${campaign.id}/history">${wt(language, 'historyLink', { count: model.verdict.events })}</a></p>
</section>
${model.actions ?? ''}`;
}

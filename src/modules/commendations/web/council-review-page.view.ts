import { interpolate, Language } from '../../../common/i18n/language';
import type { PollStatusDto } from '../../voting/dto/poll-response.dto';
import { html, SafeHtml } from '../../web/html';
import type { ProposalStatus } from '../entities/commendation-proposal.entity';
import type { ProposalCouncilOverviewDto, ProposalVoteDto } from '../records/records.dto';
import { day } from './record-labels';

const TEXTS = {
  vi: {
    title: 'Bình xét danh hiệu',
    intro: 'Các đơn vị đề nghị danh hiệu cho cán bộ; thư ký Hội đồng đưa các đề nghị ra Hội đồng Thi đua – Khen thưởng bình xét theo quy định của năm; các đề nghị được Hội đồng thông qua được ghi vào sổ khen thưởng theo quyết định.',
    year: 'Năm',
    show: 'Xem',
    waiting: 'Đề nghị chờ bình xét',
    noneWaiting: 'Không có đề nghị nào chờ bình xét trong năm {year}.',
    count: '{count} đề nghị',
    open: 'Đưa ra Hội đồng bình xét',
    vote: 'Bình xét {title} năm {year}',
    noVotes: 'Chưa có cuộc bình xét nào trong năm {year}.',
    candidate: 'Người được đề nghị',
    status: 'Kết quả',
    progress: 'Tiến độ bỏ phiếu',
    ballotHelp: 'Đánh dấu những người bạn đồng ý; người không được đánh dấu là không đồng ý.',
    cast: 'Gửi phiếu',
    yourBallot: 'Bạn đã bỏ phiếu; có thể gửi lại trước khi có quyết định.',
    decision: 'Quyết định',
    decided: 'Quyết định số {number} ngày {date} của {issuer}.',
    inCampaign: 'Cuộc bình xét này thuộc một đợt thi đua: thành viên Hội đồng bỏ phiếu trên trang biểu quyết, quyết định được ghi ở bước quyết định của đợt.',
    openPoll: 'Mở trang biểu quyết',
    openCampaign: 'Mở đợt thi đua',
    number: 'Số quyết định',
    signedOn: 'Ngày ký',
    issuer: 'Cấp ra quyết định',
    decide: 'Ghi quyết định và kết thúc bình xét',
    opened: 'Đã đưa các đề nghị ra Hội đồng bình xét.',
    voted: 'Đã ghi phiếu của bạn.',
    recorded: 'Đã ghi quyết định; các đề nghị được thông qua đã vào sổ khen thưởng.',
    proposed: 'Chờ bình xét',
    'in-vote': 'Đang bình xét',
    awarded: 'Được khen thưởng',
    'not-awarded': 'Không được thông qua',
  },
  en: {
    title: 'Council review of titles',
    intro: "Units propose their people for titles; the council's secretary puts the proposals to the Emulation-Commendation Council, which votes by the year's rules; the proposals it passes enter the register under the decision.",
    year: 'Year',
    show: 'Show',
    waiting: 'Proposals waiting for the council',
    noneWaiting: 'No proposal waits for the council in {year}.',
    count: '{count} proposals',
    open: 'Put to the council',
    vote: 'Council vote on {title}, {year}',
    noVotes: 'No council vote in {year} yet.',
    candidate: 'Proposed',
    status: 'Outcome',
    progress: 'Ballots',
    ballotHelp: 'Tick those you agree with; anyone left unticked is a disagree.',
    cast: 'Cast ballot',
    yourBallot: 'You have voted; you may vote again until the decision.',
    decision: 'Decision',
    decided: 'Decision {number} of {date} by {issuer}.',
    inCampaign: "This review belongs to a campaign: council members vote on the poll's page, and the decision is recorded at the campaign's decision stage.",
    openPoll: "Open the poll's page",
    openCampaign: 'Open the campaign',
    number: 'Decision number',
    signedOn: 'Signed on',
    issuer: 'Issued by',
    decide: 'Record the decision and close the vote',
    opened: 'The proposals were put to the council.',
    voted: 'Your ballot was recorded.',
    recorded: 'The decision was recorded; the proposals the council passed are in the register.',
    proposed: 'Waiting',
    'in-vote': 'Being voted on',
    awarded: 'Awarded',
    'not-awarded': 'Not passed',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const councilReviewText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

export interface CouncilReviewPage {
  language: Language;
  year: number;
  overview: ProposalCouncilOverviewDto;
  /** The reader's view of each open poll (progress, own ballot), by poll id. */
  polls: Map<string, PollStatusDto>;
  /** The secretary or an administrator: opens votes and records decisions. */
  mayDecide: boolean;
  /** A council member: casts a ballot. */
  mayVote: boolean;
  notice: { flash?: string; alert?: string };
}

/** The year's proposals waiting for the council, and each council vote with its ballot, outcome and decision. */
export function councilReviewPageView(page: CouncilReviewPage): SafeHtml {
  const { language, year, overview } = page;
  const t = (key: Key, params?: Record<string, unknown>) => councilReviewText(language, key, params);
  const waiting = overview.waiting.length
    ? html`<ul id="waiting">${overview.waiting.map(
        (entry) => html`<li>${entry.titleName}: ${t('count', { count: entry.count })}${page.mayDecide
          ? html` <form method="post" action="/commendations/council-review" class="inline"><input type="hidden" name="year" value="${year}"><input type="hidden" name="title" value="${entry.title}"><button type="submit">${t('open')}</button></form>`
          : ''}</li>`,
      )}</ul>`
    : html`<p class="muted">${t('noneWaiting', { year })}</p>`;
  const votes = overview.votes.length ? overview.votes.map((vote) => voteView(page, vote, t)) : html`<p class="muted">${t('noVotes', { year })}</p>`;
  return html`<h1>${t('title')}</h1>
${page.notice.flash ? html`<p class="notice" role="status">${page.notice.flash}</p>` : ''}${page.notice.alert ? html`<div class="alert" role="alert">${page.notice.alert}</div>` : ''}
<p class="muted">${t('intro')}</p>
<form method="get" action="/commendations/council-review"><label>${t('year')} <input type="number" name="year" value="${year}" min="1945" max="2100"></label> <button type="submit">${t('show')}</button></form>
<h2>${t('waiting')}</h2>
${waiting}
${votes}`;
}

function voteView(page: CouncilReviewPage, vote: ProposalVoteDto, t: (key: Key, params?: Record<string, unknown>) => string): SafeHtml {
  const poll = page.polls.get(vote.pollId);
  const base = `/commendations/council-review/${vote.pollId}`;
  const open = vote.decision === null;
  const status = (value: ProposalStatus) => t(value);
  const own = poll?.mine[0]?.choice;
  const agreed = new Set(typeof own === 'object' && own !== null && 'candidateIds' in own ? own.candidateIds : []);
  const rows = vote.proposals.map(
    (proposal) => html`<tr data-proposal="${proposal.id}"><td>${open && page.mayVote ? html`<label><input type="checkbox" name="candidate" value="${proposal.id}" form="ballot-${vote.pollId}"${agreed.has(proposal.id) ? html` checked` : ''}> ${proposal.candidate.name}</label>` : proposal.candidate.name}</td><td>${status(proposal.status)}</td></tr>`,
  );
  // A campaign's review goes through the campaign: the member's ballot completes their task, the decision is a stage.
  if (poll?.campaignId) return campaignVoteView(page, vote, poll.campaignId, t);
  const ballot = open && page.mayVote && poll?.status === 'open'
    ? html`<form method="post" action="${base}/ballot" id="ballot-${vote.pollId}"><p class="muted">${t('ballotHelp')}</p>${poll.mine.length ? html`<p>${t('yourBallot')}</p>` : ''}<button type="submit">${t('cast')}</button></form>`
    : '';
  const decision = vote.decision
    ? html`<p class="decision">${t('decided', { number: vote.decision.number, date: day(vote.decision.signedOn, page.language), issuer: vote.decision.issuer })}</p>`
    : page.mayDecide
      ? html`<form method="post" action="${base}/decision" class="decision-form">
  <label>${t('number')} <input name="number" required maxlength="60"></label>
  <label>${t('signedOn')} <input type="date" name="signedOn" required></label>
  <label>${t('issuer')} <input name="issuer" required maxlength="255"></label>
  <button type="submit">${t('decide')}</button>
</form>`
      : '';
  return html`<section class="council-vote" id="vote-${vote.pollId}">
<h2>${t('vote', { title: vote.titleName, year: vote.year })}</h2>
${poll ? html`<p>${t('progress')}: ${poll.progress.text[page.language]}</p>` : ''}
<table><thead><tr><th>${t('candidate')}</th><th>${t('status')}</th></tr></thead><tbody>${rows}</tbody></table>
${ballot}
<h3>${t('decision')}</h3>
${decision}
</section>`;
}

function campaignVoteView(page: CouncilReviewPage, vote: ProposalVoteDto, campaignId: string, t: (key: Key, params?: Record<string, unknown>) => string): SafeHtml {
  const poll = page.polls.get(vote.pollId)!;
  const rows = vote.proposals.map((proposal) => html`<tr data-proposal="${proposal.id}"><td>${proposal.candidate.name}</td><td>${t(proposal.status)}</td></tr>`);
  return html`<section class="council-vote" id="vote-${vote.pollId}">
<h2>${t('vote', { title: vote.titleName, year: vote.year })}</h2>
<p>${t('progress')}: ${poll.progress.text[page.language]}</p>
<table><thead><tr><th>${t('candidate')}</th><th>${t('status')}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">${t('inCampaign')}</p>
<p><a href="/polls/${vote.pollId}">${t('openPoll')}</a> · <a href="/campaigns/${campaignId}">${t('openCampaign')}</a></p>
</section>`;
}

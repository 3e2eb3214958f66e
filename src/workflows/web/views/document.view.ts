import type { ActingFor } from '../../../common/auth/principal';
import { interpolate, Language } from '../../../common/i18n/language';
import type { ProposedAmendmentDto } from '../../../modules/discussion/dto/amendment-response.dto';
import type { ActorDto, CommentDto, ThreadDetailDto } from '../../../modules/discussion/dto/discussion-response.dto';
import type { ClauseDto, DocumentDto, DocumentVersionDto } from '../../../modules/documents/dto/document-response.dto';
import { html, SafeHtml } from '../../../modules/web/html';
import type { PactSigning } from '../campaign-page-reader.service';
import { AMENDMENT_KIND_TEXTS, AMENDMENT_STATUS_TEXTS, dt } from '../document-web-texts';
import { timeElement } from '../page-format';
import { labelOf } from '../workflow-web-texts';
import { pactSigningBlock } from './pact-signing.view';

/** Which form a refusal belongs to, and what the person typed, given back so they need not type it again. */
export interface DocumentFormFailure {
  form: 'thread' | 'comment' | 'amendment';
  /** thread: the clause id or `document`; comment: the thread id, then `:` and the parent id for a reply; amendment: `amendment`. */
  target: string;
  /** The error code, to mark the field it is about. */
  code: string;
  message: string;
  values: Record<string, string>;
}

/** Whether the page may take amendments: only while the document's campaign is in its discussion stage. */
export type AmendmentWindow = 'open' | 'closed' | 'no-campaign';

export interface DocumentViewModel {
  language: Language;
  document: DocumentDto;
  /** The version shown. */
  version: DocumentVersionDto;
  /** The threads on this version, newest first, with their comments. */
  threads: ThreadDetailDto[];
  amendments: ProposedAmendmentDto[];
  /** Amendment id → poll id, from the campaign's context. */
  amendmentPolls: Record<string, string>;
  /** Clause id → its number, from every version (the latest wins), to name amendment targets. */
  clauseNumbers: Map<string, string>;
  amendmentWindow: AmendmentWindow;
  /** The units the person may write for today. */
  units: ActingFor[];
  /** The signing of this version (the one that put it in force, else the latest), when it was put to signature. */
  signing?: PactSigning | null;
  flash?: string;
  failure?: DocumentFormFailure;
}

const ERROR_ID = 'form-error';
const DOCUMENT_TARGET = 'document';

function failureFor(model: DocumentViewModel, form: DocumentFormFailure['form'], target: string): DocumentFormFailure | undefined {
  return model.failure?.form === form && model.failure.target === target ? model.failure : undefined;
}

/** The alert of a failed form, placed in that form so that it is read where the person is. */
function alertOf(failure: DocumentFormFailure | undefined): SafeHtml | string {
  return failure ? html`<p class="alert" role="alert" id="${ERROR_ID}">${failure.message}</p>` : '';
}

/** A field's description, and when its form failed, the alert too; `autofocus` brings the person back to it. */
function described(failure: DocumentFormFailure | undefined, hintId?: string, autofocus = false): SafeHtml | string {
  const ids = [...(failure ? [ERROR_ID] : []), ...(hintId ? [hintId] : [])].join(' ');
  const attributes = html`${ids ? html` aria-describedby="${ids}"` : ''}`;
  return failure ? html` aria-invalid="true"${attributes}${autofocus ? html` autofocus` : ''}` : attributes;
}

/** A heading at a level chosen by where it sits; the level is one of a fixed few, never from input. */
function heading(level: 'h2' | 'h3' | 'h4' | 'h5', id: string, content: SafeHtml | string): SafeHtml {
  switch (level) {
    case 'h2':
      return html`<h2 id="${id}">${content}</h2>`;
    case 'h3':
      return html`<h3 id="${id}">${content}</h3>`;
    case 'h4':
      return html`<h4 id="${id}">${content}</h4>`;
    default:
      return html`<h5 id="${id}">${content}</h5>`;
  }
}

/** The document's own words are Vietnamese: on an English page they say so, for screen readers and hyphenation. */
function vi(language: Language): SafeHtml | string {
  return language === 'vi' ? '' : html` lang="vi"`;
}

function actorText(actor: ActorDto, language: Language): string {
  return actor.unit ? dt(language, 'actorForUnit', { person: actor.person.fullName, unit: actor.unit.code }) : actor.person.fullName;
}

/** The unit a form writes for: a choice when the person holds several mandates, else a sentence naming the one. */
function unitField(model: DocumentViewModel, idPrefix: string, failure: DocumentFormFailure | undefined): SafeHtml {
  const { language, units } = model;
  if (units.length === 1) return html`<p class="hint">${dt(language, 'actingAs', { unit: `${units[0].unitCode} — ${units[0].unitName}` })}</p>`;
  const chosen = failure?.values.unit;
  const id = `${idPrefix}-unit`;
  return html`<div class="field">
    <label for="${id}">${dt(language, 'actingUnit')}</label>
    <select id="${id}" name="unit" required>${units.map(
      (unit) => html`<option value="${unit.unitCode}"${chosen === unit.unitCode ? ' selected' : ''}>${unit.unitCode} — ${unit.unitName}</option>`,
    )}</select>
  </div>`;
}

function commentItem(comment: CommentDto, thread: ThreadDetailDto, replies: CommentDto[], model: DocumentViewModel): SafeHtml {
  const { language } = model;
  const meta = html`<p class="comment-meta"><strong>${actorText(comment.author, language)}</strong>, ${timeElement(comment.createdAt, language)}${comment.editedAt ? html` <span>${dt(language, 'edited')}</span>` : ''}</p>`;
  const replyList = replies.length
    ? html`<ul class="replies" aria-label="${dt(language, 'replies')}">${replies.map((reply) => html`<li class="comment" id="comment-${reply.id}">
        <p class="comment-meta"><strong>${actorText(reply.author, language)}</strong>, ${timeElement(reply.createdAt, language)}${reply.editedAt ? html` <span>${dt(language, 'edited')}</span>` : ''}</p>
        <p class="comment-body">${reply.body}</p>
      </li>`)}</ul>`
    : '';
  const canWrite = thread.status === 'open' && model.units.length > 0 && model.amendmentWindow !== 'closed';
  const target = `${thread.id}:${comment.id}`;
  const failure = failureFor(model, 'comment', target);
  const bodyId = `reply-${comment.id}`;
  const replyForm = canWrite
    ? html`<details class="write"${failure ? ' open' : ''}>
      <summary>${dt(language, 'reply')}</summary>
      <form method="post" action="/documents/${thread.documentId}/threads/${thread.id}/comments" class="write-form">
        ${alertOf(failure)}
        <input type="hidden" name="parentId" value="${comment.id}">
        ${unitField(model, bodyId, failure)}
        <div class="field">
          <label for="${bodyId}">${dt(language, 'replyBody')}</label>
          <textarea id="${bodyId}" name="body" rows="3" maxlength="10000" required${described(failure, undefined, true)}>${failure?.values.body ?? ''}</textarea>
        </div>
        <button type="submit">${dt(language, 'sendReply')}</button>
      </form>
    </details>`
    : alertOf(failure);
  return html`<li class="comment" id="comment-${comment.id}">
    ${meta}
    <p class="comment-body">${comment.body}</p>
    ${replyList}
    ${replyForm}
  </li>`;
}

function threadItem(thread: ThreadDetailDto, model: DocumentViewModel, level: 'h3' | 'h5'): SafeHtml {
  const { language } = model;
  const titleId = `thread-${thread.id}-title`;
  const topLevel = thread.comments.filter((comment) => comment.parentId === null);
  const repliesOf = (comment: CommentDto) => thread.comments.filter((reply) => reply.parentId === comment.id);
  const statusText = thread.status === 'resolved' ? dt(language, 'threadResolved') : dt(language, 'threadOpen');
  const failure = failureFor(model, 'comment', thread.id);
  const bodyId = `comment-${thread.id}-body`;
  let commentForm: SafeHtml | string = '';
  if (thread.status === 'resolved') commentForm = html`<p class="muted">${dt(language, 'threadClosedNote')}</p>`;
  else if (model.amendmentWindow === 'closed') commentForm = html`${alertOf(failure)}<p class="muted">${dt(language, 'discussionClosedNote')}</p>`;
  else if (model.units.length) {
    commentForm = html`<form method="post" action="/documents/${thread.documentId}/threads/${thread.id}/comments" class="write-form" aria-labelledby="${bodyId}-legend">
      <p id="${bodyId}-legend"><strong>${dt(language, 'addComment')}</strong></p>
      ${alertOf(failure)}
      ${unitField(model, bodyId, failure)}
      <div class="field">
        <label for="${bodyId}">${dt(language, 'commentBody')}</label>
        <textarea id="${bodyId}" name="body" rows="3" maxlength="10000" required${described(failure, `${bodyId}-hint`, true)}>${failure?.values.body ?? ''}</textarea>
        <p class="hint" id="${bodyId}-hint">${dt(language, 'mentionHint')}</p>
      </div>
      <button type="submit">${dt(language, 'sendComment')}</button>
    </form>`;
  }
  return html`<li class="thread" id="thread-${thread.id}">
    <article aria-labelledby="${titleId}">
      ${heading(level, titleId, html`${thread.title} <span class="badge badge-${thread.status}">${dt(language, 'threadStatus', { status: statusText })}</span>`)}
      <p class="comment-meta">${dt(language, 'openedBy', { actor: actorText(thread.openedBy, language) })}, ${timeElement(thread.createdAt, language)}</p>
      <ul class="comments" aria-label="${dt(language, 'commentsLabel', { title: thread.title })}">${topLevel.map((comment) => commentItem(comment, thread, repliesOf(comment), model))}</ul>
      ${commentForm}
    </article>
  </li>`;
}

/**
 * The form that opens a thread on a clause (or the whole document); only on the latest version, and not once the
 * campaign's discussion has ended (said once, under the document's own threads).
 */
function openThreadForm(model: DocumentViewModel, target: string, summary: string): SafeHtml | string {
  const { language, document, version } = model;
  if (version.number !== document.latest.number || !model.units.length) return '';
  const failure = failureFor(model, 'thread', target);
  if (model.amendmentWindow === 'closed') {
    // A refusal of a thread posted anyway is still shown where its form was.
    return target === DOCUMENT_TARGET ? html`${alertOf(failure)}<p class="muted">${dt(language, 'discussionClosedNote')}</p>` : alertOf(failure);
  }
  const prefix = `new-thread-${target}`;
  return html`<details class="write"${failure ? ' open' : ''}>
    <summary>${summary}</summary>
    <form method="post" action="/documents/${document.id}/threads" class="write-form">
      ${alertOf(failure)}
      <input type="hidden" name="clauseId" value="${target === DOCUMENT_TARGET ? '' : target}">
      ${unitField(model, prefix, failure)}
      <div class="field">
        <label for="${prefix}-title">${dt(language, 'threadTitle')}</label>
        <input type="text" class="field-input" id="${prefix}-title" name="title" maxlength="500" required value="${failure?.values.title ?? ''}"${described(failure, undefined, true)}>
      </div>
      <div class="field">
        <label for="${prefix}-body">${dt(language, 'threadBody')}</label>
        <textarea id="${prefix}-body" name="body" rows="4" maxlength="10000" required aria-describedby="${prefix}-hint">${failure?.values.body ?? ''}</textarea>
        <p class="hint" id="${prefix}-hint">${dt(language, 'mentionHint')}</p>
      </div>
      <button type="submit">${dt(language, 'openThread')}</button>
    </form>
  </details>`;
}

function threadsBlock(model: DocumentViewModel, threads: ThreadDetailDto[], headingId: string, title: string, headingLevel: 'h2' | 'h4'): SafeHtml {
  const { language } = model;
  const threadLevel = headingLevel === 'h2' ? 'h3' : 'h5';
  const list = threads.length ? html`<ul class="threads">${threads.map((thread) => threadItem(thread, model, threadLevel))}</ul>` : html`<p class="muted">${dt(language, 'noThreads')}</p>`;
  return html`${heading(headingLevel, headingId, title)}${list}`;
}

function clauseSection(clause: ClauseDto, model: DocumentViewModel): SafeHtml {
  const { language } = model;
  const headingId = `clause-${clause.id}-heading`;
  const threads = model.threads.filter((thread) => thread.clauseId === clause.id);
  return html`<section class="clause" id="clause-${clause.id}" aria-labelledby="${headingId}">
    <h3 id="${headingId}">${dt(language, 'clauseTitle', { number: clause.number })}${clause.heading ? (language === 'vi' ? ` ${clause.heading}` : html` <span lang="vi">${clause.heading}</span>`) : ''}</h3>
    <p class="clause-text"${vi(language)}>${clause.text}</p>
    <div class="discussion">
      ${threadsBlock(model, threads, `clause-${clause.id}-threads`, dt(language, 'threadsOnClause', { number: clause.number }), 'h4')}
      ${openThreadForm(model, clause.id, dt(language, 'openThreadOnClause'))}
    </div>
  </section>`;
}

function amendmentStatusText(amendment: ProposedAmendmentDto, language: Language): string {
  return interpolate(labelOf(AMENDMENT_STATUS_TEXTS, amendment.status, language), { version: amendment.mergedIntoVersion ?? '?' });
}

function targetText(amendment: ProposedAmendmentDto, model: DocumentViewModel): SafeHtml | string {
  const { language } = model;
  if (amendment.clauseId === null) return dt(language, 'targetStart');
  const number = model.clauseNumbers.get(amendment.clauseId);
  const label = number ? dt(language, 'targetClause', { number }) : amendment.clauseId;
  return html`<a href="#clause-${amendment.clauseId}">${label}</a>`;
}

function amendmentItem(amendment: ProposedAmendmentDto, model: DocumentViewModel): SafeHtml {
  const { language } = model;
  const titleId = `amendment-${amendment.number}-title`;
  const unit = amendment.proposedBy.unit?.code ?? amendment.proposedBy.person.fullName;
  const pollId = amendment.pollId ?? model.amendmentPolls[amendment.id];
  return html`<li class="amendment" id="amendment-${amendment.number}">
    <article aria-labelledby="${titleId}">
      <h3 id="${titleId}">${dt(language, 'amendmentTitle', { number: amendment.number, unit })} <span class="badge badge-${amendment.status}">${amendmentStatusText(amendment, language)}</span></h3>
      <dl class="facts">
        <dt>${dt(language, 'amendmentKind')}</dt><dd>${labelOf(AMENDMENT_KIND_TEXTS, amendment.kind, language)}</dd>
        <dt>${dt(language, 'amendmentTarget')}</dt><dd>${targetText(amendment, model)}</dd>
        <dt>${dt(language, 'baseVersion')}</dt><dd>${amendment.baseVersion}</dd>
        <dt>${dt(language, 'proposedBy')}</dt><dd>${actorText(amendment.proposedBy, language)}, ${timeElement(amendment.createdAt, language)}</dd>
        <dt>${dt(language, 'amendmentStatus')}</dt><dd>${amendmentStatusText(amendment, language)}</dd>
        ${amendment.heading ? html`<dt>${dt(language, 'proposedHeading')}</dt><dd>${amendment.heading}</dd>` : ''}
        ${amendment.decisionNote ? html`<dt>${dt(language, 'decisionNote')}</dt><dd>${amendment.decisionNote}</dd>` : ''}
      </dl>
      ${amendment.text !== null ? html`<h4>${dt(language, 'proposedText')}</h4><p class="amendment-text"${vi(language)}>${amendment.text}</p>` : ''}
      <h4>${dt(language, 'justification')}</h4>
      <p class="amendment-text"${vi(language)}>${amendment.justification}</p>
      ${pollId ? html`<p><a class="button-link" href="/polls/${pollId}" aria-describedby="${titleId}">${dt(language, amendment.status === 'proposed' ? 'pollLink' : 'pollResultLink')}</a></p>` : ''}
    </article>
  </li>`;
}

function proposeForm(model: DocumentViewModel): SafeHtml {
  const { language, document } = model;
  const failure = failureFor(model, 'amendment', 'amendment');
  if (!failure) {
    if (model.amendmentWindow === 'no-campaign') return html`<p class="muted">${dt(language, 'proposeNoCampaign')}</p>`;
    if (model.amendmentWindow === 'closed') return html`<p class="muted">${dt(language, 'proposeClosed')}</p>`;
    if (!model.units.length) return html`<p class="muted">${dt(language, 'needMandate')}</p>`;
  }
  const values = failure?.values ?? {};
  const latest = document.latest;
  const kinds = ['replace', 'insert', 'delete'].map(
    (kind) => html`<option value="${kind}"${values.kind === kind ? ' selected' : ''}>${labelOf(AMENDMENT_KIND_TEXTS, kind, language)}</option>`,
  );
  const clauses = latest.content.clauses.map(
    (clause) => html`<option value="${clause.id}"${values.clauseId === clause.id ? ' selected' : ''}>${dt(language, 'clauseTitle', { number: clause.number })}${clause.heading ? ` ${clause.heading}` : ''}</option>`,
  );
  const justificationFailed = failure?.code === 'AMENDMENT_JUSTIFICATION_REQUIRED';
  const textFailed = failure?.code === 'AMENDMENT_TEXT_REQUIRED';
  return html`<form method="post" action="/documents/${document.id}/amendments" class="write-form" aria-labelledby="propose-heading">
    ${alertOf(failure)}
    <input type="hidden" name="baseVersion" value="${latest.number}">
    ${model.units.length ? unitField(model, 'amendment', failure) : ''}
    <div class="field">
      <label for="amendment-kind">${dt(language, 'fieldKind')}</label>
      <select id="amendment-kind" name="kind" required>${kinds}</select>
    </div>
    <div class="field">
      <label for="amendment-clause">${dt(language, 'fieldClause')}</label>
      <select id="amendment-clause" name="clauseId">
        ${clauses}
        <option value=""${values.clauseId === '' ? ' selected' : ''}>${dt(language, 'targetStartOption')}</option>
      </select>
    </div>
    <div class="field">
      <label for="amendment-heading">${dt(language, 'fieldHeading')}</label>
      <input type="text" class="field-input" id="amendment-heading" name="heading" maxlength="500" value="${values.heading ?? ''}">
    </div>
    <div class="field">
      <label for="amendment-text">${dt(language, 'fieldText')}</label>
      <textarea id="amendment-text" name="text" rows="5" maxlength="20000"${described(textFailed ? failure : undefined, undefined, true)}>${values.text ?? ''}</textarea>
    </div>
    <div class="field">
      <label for="amendment-justification">${dt(language, 'fieldJustification')}</label>
      <textarea id="amendment-justification" name="justification" rows="3" maxlength="5000"${described(justificationFailed ? failure : undefined, undefined, true)}>${values.justification ?? ''}</textarea>
    </div>
    <button type="submit">${dt(language, 'submitAmendment')}</button>
  </form>`;
}

function versionSwitcher(model: DocumentViewModel): SafeHtml {
  const { language, document, version } = model;
  const items = [...document.versions]
    .sort((a, b) => a.number - b.number)
    .map(
      (entry) => html`<li><a href="/documents/${document.id}?v=${entry.number}"${entry.number === version.number ? html` aria-current="page"` : ''}>${dt(language, 'versionLink', { number: entry.number })}${entry.number === document.latest.number ? ` ${dt(language, 'latestMark')}` : ''}</a></li>`,
    );
  return html`<nav class="versions" aria-label="${dt(language, 'versionsLabel')}"><ul>${items}</ul></nav>`;
}

/** One version of a document with its discussion, its amendments and the forms to take part. */
export function documentView(model: DocumentViewModel): SafeHtml {
  const { language, document, version } = model;
  const { content } = version;
  const api = `/api/v1/documents/${document.id}/versions/${version.number}`;
  const generalThreads = model.threads.filter((thread) => thread.clauseId === null);
  return html`<h1${vi(language)}>${content.title}</h1>
<p class="lead">${dt(language, 'versionHeading', { number: version.number })}</p>
${model.flash && html`<p class="flash" role="status" id="document-flash">${model.flash}</p>`}
${versionSwitcher(model)}
<dl class="doc-meta">
  <dt>${dt(language, 'versionHash')}</dt><dd><code title="${version.contentHash}">${version.contentHash.slice(0, 12)}</code></dd>
  <dt>${dt(language, 'createdAt')}</dt><dd>${timeElement(version.createdAt, language)}</dd>
</dl>
<nav class="downloads" aria-label="${dt(language, 'downloads')}"><ul>
  <li><a href="${api}/markdown?lang=${language}">${dt(language, 'downloadMarkdown', { number: version.number })}</a></li>
  <li><a href="${api}/pdf?lang=${language}">${dt(language, 'downloadPdf', { number: version.number })}</a></li>
  ${version.number > 1 ? html`<li><a href="/documents/${document.id}/diff?from=${version.number - 1}&amp;to=${version.number}">${dt(language, 'compareWithPrevious')}</a></li>` : ''}
  ${document.campaignId ? html`<li><a href="/campaigns/${document.campaignId}">${dt(language, 'campaignLink')}</a></li>` : ''}
</ul></nav>
${model.signing ? pactSigningBlock(model.signing, language, 'h2') : ''}
${version.number !== document.latest.number ? html`<p class="muted">${dt(language, 'oldVersionNote', { number: document.latest.number })}</p>` : ''}
${!model.units.length ? html`<p class="muted">${dt(language, 'needMandate')}</p>` : ''}
${content.preamble ? html`<section aria-labelledby="preamble-heading"><h2 id="preamble-heading">${dt(language, 'preamble')}</h2><p class="preamble"${vi(language)}>${content.preamble}</p></section>` : ''}
<section aria-labelledby="clauses-heading">
  <h2 id="clauses-heading">${dt(language, 'clausesHeading')}</h2>
  ${content.clauses.map((clause) => clauseSection(clause, model))}
</section>
<section aria-labelledby="general-threads" id="threads-document">
  ${threadsBlock(model, generalThreads, 'general-threads', dt(language, 'generalThreads'), 'h2')}
  ${openThreadForm(model, DOCUMENT_TARGET, dt(language, 'openThreadGeneral'))}
</section>
<section aria-labelledby="amendments-heading" id="amendments">
  <h2 id="amendments-heading">${dt(language, 'amendmentsHeading')}</h2>
  ${model.amendments.length ? html`<ul class="amendments">${model.amendments.map((amendment) => amendmentItem(amendment, model))}</ul>` : html`<p class="muted">${dt(language, 'noAmendments')}</p>`}
  <h2 id="propose-heading">${dt(language, 'proposeHeading')}</h2>
  ${proposeForm(model)}
</section>`;
}

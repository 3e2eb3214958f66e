import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import type { SignatureDto } from '../../stages/sign/sign.dto';
import { formatDateTime, timeElement } from '../page-format';
import type { RegistrationTable, SigningTaskContext } from '../signing-page-reader.service';
import { ENVELOPE_STATUS_TEXTS, MANDATE_ROLE_TEXTS, SIGNATURE_METHOD_TEXTS, SIGNATURE_STATUS_TEXTS, st } from '../signing-web-texts';
import { labelOf } from '../workflow-web-texts';

/** What the viewer may do for the task's unit. */
export type SignerState =
  /** A mandate whose role may sign, the task open and nothing signed: the statement and the methods. */
  | { kind: 'may-sign'; statementHash: string; passkey: { registered: boolean } | null; x509: boolean }
  /** A mandate for the unit whose role may not sign. */
  | { kind: 'not-signer'; role: string }
  | { kind: 'none' };

export interface SigningViewModel {
  language: Language;
  context: SigningTaskContext;
  envelope: {
    status: string;
    inForceAt: string | null;
    document: { id: string; title: string; versionNumber: number; contentHash: string };
    registrationsHash: string | null;
    methods: string[];
    signerRoles: string[];
  };
  registrations: RegistrationTable;
  /** Signatures by unit id. */
  signatures: Map<string, SignatureDto & { recordedBy?: string; note?: string | null }>;
  signer: SignerState;
  /** The viewer acts for the unit (any role): may confirm or dispute a recorded paper signature. */
  actsForUnit: boolean;
  /** A secretary or an administrator: may record a paper signature. */
  canRecordPaper: boolean;
  flash?: string;
  /** A refusal: the catalog's message (shown at the top), the form it came from, and what the person typed there. */
  failure?: { message: string; form: string; reason?: string; note?: string };
  /** Data for the page's script. */
  pageData: Record<string, unknown>;
}

const short = (hash: string) => html`<code class="break" title="${hash}">${hash.slice(0, 16)}…</code>`;
const roleText = (role: string, language: Language) => labelOf(MANDATE_ROLE_TEXTS, role, language);
const rolesText = (roles: string[], language: Language) => roles.map((role) => roleText(role, language)).join(language === 'vi' ? ' hoặc ' : ' or ');

function facts(model: SigningViewModel): SafeHtml {
  const { language, envelope, context } = model;
  const { document } = envelope;
  return html`<dl class="facts">
  <dt>${st(language, 'document')}</dt><dd><a href="/documents/${document.id}?v=${document.versionNumber}" id="signing-document">${document.title}</a></dd>
  <dt>${st(language, 'versionNumber')}</dt><dd id="signing-version">${document.versionNumber}</dd>
  <dt>${st(language, 'contentHash')}</dt><dd id="signing-content-hash">${short(document.contentHash)}</dd>
  ${envelope.registrationsHash ? html`<dt>${st(language, 'registrationsHash')}</dt><dd>${short(envelope.registrationsHash)}</dd>` : ''}
  <dt>${st(language, 'methods')}</dt><dd>${envelope.methods.map((method) => labelOf(SIGNATURE_METHOD_TEXTS, method, language)).join(', ')}</dd>
  <dt>${st(language, 'signerRoles')}</dt><dd>${rolesText(envelope.signerRoles, language)}</dd>
  ${context.dueAt ? html`<dt>${language === 'vi' ? 'Hạn' : 'Due'}</dt><dd>${timeElement(context.dueAt, language)}</dd>` : ''}
  <dt>${st(language, 'state')}</dt><dd><span class="badge badge-${envelope.status === 'in-force' ? 'completed' : envelope.status === 'open' ? 'running' : 'late'}" id="signing-status">${labelOf(ENVELOPE_STATUS_TEXTS, envelope.status, language)}</span></dd>
</dl>
${envelope.inForceAt ? html`<p class="verdict-ok" id="in-force">${st(language, 'inForceSince', { time: formatDateTime(envelope.inForceAt, language) })}</p>` : ''}
${envelope.status === 'declined' ? html`<p class="alert" id="declined-notice">${st(language, 'declinedNotice')}</p>` : ''}`;
}

function registrationsSection(model: SigningViewModel): SafeHtml {
  const { language, registrations } = model;
  const body = registrations.rows.length
    ? html`<div class="table-wrap"><table id="registrations">
  <caption>${st(language, 'registrationsIntro')}</caption>
  <thead><tr><th scope="col">${st(language, 'unit')}</th>${registrations.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
  <tbody>${registrations.rows.map((row) => html`<tr><th scope="row">${row.unit}</th>${row.cells.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
</table></div>`
    : html`<p class="muted">${st(language, 'registrationsNone')}</p>`;
  return html`<section aria-labelledby="registrations-heading"><h2 id="registrations-heading">${st(language, 'registrationsHeading')}</h2>${body}</section>`;
}

function signaturesSection(model: SigningViewModel): SafeHtml {
  const { language, context, signatures } = model;
  const signed = context.units.filter((row) => signatures.get(row.unit.id)?.status === 'valid').length;
  const progress = st(language, 'signedProgress', { signed, total: context.units.length });
  const rows = context.units.map((row) => {
    const signature = signatures.get(row.unit.id);
    const unitCell = html`<a href="/inbox/tasks/${row.taskId}/sign">${row.unit.code} — ${row.unit.name}</a>`;
    if (!signature) {
      const declined = row.outcome === 'declined';
      return html`<tr id="signature-${row.unit.code}"><th scope="row">${unitCell}</th><td colspan="5">${declined ? html`${labelOf(SIGNATURE_STATUS_TEXTS, 'declined', language)}${row.comment ? html`: ${row.comment}` : ''}` : html`<span class="muted">${st(language, 'notYet')}</span>`}</td></tr>`;
    }
    return html`<tr id="signature-${row.unit.code}">
      <th scope="row">${unitCell}</th>
      <td>${labelOf(SIGNATURE_STATUS_TEXTS, signature.status, language)}</td>
      <td>${signature.signer.fullName}</td>
      <td>${labelOf(SIGNATURE_METHOD_TEXTS, signature.method, language)}${signature.certificateSubject ? html`<br><span class="muted">${st(language, 'certificate')}: ${signature.certificateSubject}</span>` : ''}</td>
      <td>${timeElement(signature.signedAt, language)}</td>
      <td>${short(signature.statementHash)}</td>
    </tr>`;
  });
  return html`<section aria-labelledby="signatures-heading">
  <h2 id="signatures-heading">${st(language, 'signaturesHeading')}</h2>
  <p class="meter"><span id="signing-progress">${progress}</span> <progress value="${signed}" max="${context.units.length}" aria-label="${progress}"></progress></p>
  <div class="table-wrap"><table id="signatures">
    <thead><tr><th scope="col">${st(language, 'unit')}</th><th scope="col">${st(language, 'state')}</th><th scope="col">${st(language, 'signer')}</th><th scope="col">${st(language, 'method')}</th><th scope="col">${st(language, 'signedAt')}</th><th scope="col">${st(language, 'statementHash')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
</section>`;
}

function signSection(model: SigningViewModel): SafeHtml | '' {
  const { language, context, signer, failure } = model;
  const unit = `${context.unit.code} — ${context.unit.name}`;
  if (signer.kind === 'not-signer') {
    return html`<p class="muted" id="not-signer">${st(language, 'notSigner', { unit: context.unit.code, role: roleText(signer.role, language), roles: rolesText(model.envelope.signerRoles, language) })}</p>`;
  }
  if (signer.kind !== 'may-sign') return '';
  const action = `/inbox/tasks/${context.taskId}/sign`;
  const passkey = signer.passkey
    ? html`<section aria-labelledby="passkey-heading" class="task">
  <h3 id="passkey-heading">${st(language, 'passkeyHeading')}</h3>
  ${signer.passkey.registered
    ? html`<form method="post" action="${action}/passkey" id="passkey-form">
    <input type="hidden" name="statement" value="">
    <input type="hidden" name="response" value="">
    <button type="button" id="passkey-sign" disabled>${st(language, 'passkeyButton')}</button>
  </form>
  <p id="passkey-status" class="form-status" role="status" aria-live="polite"></p>`
    : html`<p id="passkey-none">${st(language, 'passkeyNone')} <a href="/account/passkeys?next=${encodeURIComponent(action)}">${st(language, 'passkeyRegisterLink')}</a></p>`}
</section>`
    : '';
  const x509 = signer.x509
    ? html`<section aria-labelledby="x509-heading" class="task">
  <h3 id="x509-heading">${st(language, 'x509Heading')}</h3>
  <p class="muted">${st(language, 'x509Intro')}</p>
  <form method="post" action="${action}/x509" id="x509-form">
    <input type="hidden" name="statement" value="">
    <input type="hidden" name="signature" value="">
    <div class="field"><label for="x509-statement">${st(language, 'statementFile')}</label><input type="file" id="x509-statement" accept=".json,application/json" required></div>
    <div class="field"><label for="x509-signature">${st(language, 'signatureFile')}</label><input type="file" id="x509-signature" accept=".p7s,.p7m,.pem,.der" required></div>
    <button type="submit" disabled>${st(language, 'x509Button')}</button>
    <p id="x509-status" class="form-status" role="status" aria-live="polite"></p>
  </form>
</section>`
    : '';
  return html`<section aria-labelledby="sign-heading">
  <h2 id="sign-heading">${st(language, 'signHeading', { unit })}</h2>
  <h3>${st(language, 'statementHeading')}</h3>
  <p>${st(language, 'statementIntro')}</p>
  <p>${st(language, 'statementHash')}: ${short(signer.statementHash)} · <a href="${action}/statement" id="statement-download" download>${st(language, 'downloadStatement')}</a></p>
  ${passkey}
  ${x509}
  <section aria-labelledby="decline-heading" class="task">
    <h3 id="decline-heading">${st(language, 'declineHeading')}</h3>
    <p class="muted">${st(language, 'declineIntro')}</p>
    <form method="post" action="${action}/decline">
      <div class="field"><label for="decline-reason">${st(language, 'declineReason')}</label><textarea id="decline-reason" name="reason" rows="3" maxlength="2000" required${failure?.form === 'decline' ? html` aria-invalid="true" aria-describedby="signing-error"` : ''}>${failure?.form === 'decline' ? (failure.reason ?? '') : ''}</textarea></div>
      <button type="submit" class="secondary">${st(language, 'declineButton')}</button>
    </form>
  </section>
</section>`;
}

function paperSections(model: SigningViewModel): SafeHtml | '' {
  const { language, context, envelope, signatures } = model;
  const action = `/inbox/tasks/${context.taskId}/sign/paper`;
  const signature = signatures.get(context.unit.id);
  if (signature?.status === 'awaiting-confirmation') {
    const pending = html`<p id="paper-pending">${st(language, 'paperPending', { recorder: signature.recordedBy ?? '—', signer: signature.signer.fullName, time: formatDateTime(signature.signedAt, language) })}${signature.note ? html` <span class="muted">(${signature.note})</span>` : ''}</p>`;
    if (!model.actsForUnit) return html`<section aria-labelledby="paper-heading"><h2 id="paper-heading">${st(language, 'paperPendingHeading')}</h2>${pending}</section>`;
    return html`<section aria-labelledby="paper-heading" class="task">
  <h2 id="paper-heading">${st(language, 'paperPendingHeading')}</h2>
  ${pending}
  <div class="actions">
    <form method="post" action="${action}/confirm"><button type="submit">${st(language, 'confirmPaper')}</button></form>
    <form method="post" action="${action}/dispute" class="return-form">
      <div class="field"><label for="dispute-reason">${st(language, 'disputeReason')}</label><textarea id="dispute-reason" name="reason" rows="2" maxlength="2000" required></textarea></div>
      <button type="submit" class="secondary">${st(language, 'disputePaper')}</button>
    </form>
  </div>
</section>`;
  }
  if (!model.canRecordPaper || signature || context.status !== 'open' || envelope.status !== 'open' || !envelope.methods.includes('paper')) return '';
  return html`<section aria-labelledby="record-paper-heading" class="task">
  <h2 id="record-paper-heading">${st(language, 'paperHeading')}</h2>
  <p class="muted">${st(language, 'paperIntro', { unit: `${context.unit.code} — ${context.unit.name}` })}</p>
  <form method="post" action="${action}" id="paper-form">
    <input type="hidden" name="scan" value="">
    <div class="field"><label for="paper-scan">${st(language, 'scanFile')}</label><input type="file" id="paper-scan" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" required></div>
    <div class="field"><label for="paper-signed-at">${st(language, 'paperSignedAt')}</label><input type="datetime-local" id="paper-signed-at" name="signedAt"></div>
    <div class="field"><label for="paper-note">${st(language, 'paperNote')}</label><textarea id="paper-note" name="note" rows="2" maxlength="2000">${model.failure?.form === 'paper' ? (model.failure.note ?? '') : ''}</textarea></div>
    <button type="submit" disabled>${st(language, 'paperButton')}</button>
    <p id="paper-status" class="form-status" role="status" aria-live="polite"></p>
  </form>
</section>`;
}

/**
 * A unit's sign task: the adopted version bound by its hash, the consolidated title registrations, who has signed,
 * and, for the viewer's part, the statement with the signing methods, a decline, or the paper signature's forms.
 */
export function signingView(model: SigningViewModel): SafeHtml {
  const { language, context } = model;
  return html`<p><a href="/campaigns/${context.campaign.id}">${st(language, 'backToCampaign')}</a> · <a href="/inbox">${st(language, 'backToInbox')}</a></p>
<h1>${st(language, 'signingTitle', { unit: `${context.unit.code} — ${context.unit.name}` })}</h1>
<p class="muted">${context.campaign.name}</p>
${model.failure && html`<p class="alert" role="alert" id="signing-error">${model.failure.message}</p>`}
${model.flash && html`<p class="flash" role="status" id="signing-flash">${model.flash}</p>`}
${facts(model)}
${signSection(model)}
${paperSections(model)}
${signaturesSection(model)}
${registrationsSection(model)}
${jsonScript('signing-data', model.pageData)}`;
}

import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { PactSigning, UnitSigningState } from '../campaign-page-reader.service';
import { SIGNATURE_METHOD_TEXTS, st } from '../pact-signing-texts';
import { timeElement } from '../page-format';
import { labelOf } from '../workflow-web-texts';

/** "Giao ước có hiệu lực từ 13/02/2020 10:00", or why it is not (yet). */
export function pactStatusLine(signing: PactSigning, language: Language): SafeHtml {
  if (signing.status === 'in-force' && signing.inForceAt) return html`<p class="pact-in-force"><strong>${st(language, 'inForce')} ${timeElement(signing.inForceAt, language)}</strong></p>`;
  return html`<p class="pact-status">${st(language, signing.status === 'declined' ? 'declined' : signing.status === 'closed' ? 'closed' : 'open')}</p>`;
}

function unitState(entry: UnitSigningState, language: Language): SafeHtml {
  const { signature } = entry;
  if (signature) {
    const signer = signature.position ? `${signature.fullName} (${signature.position})` : signature.fullName;
    const state = entry.state === 'signed' ? st(language, 'signed') : st(language, 'awaitingConfirmation');
    return html`<span class="badge badge-${entry.state}">${state}</span> — ${st(language, 'signedBy', { name: signer })} · ${labelOf(SIGNATURE_METHOD_TEXTS, signature.method, language)} · ${timeElement(signature.signedAt, language)}`;
  }
  if (entry.state === 'declined') {
    return html`<span class="badge badge-declined">${st(language, 'declinedUnit')}</span> — <span${language === 'vi' ? '' : html` lang="vi"`}>${st(language, 'reason', { reason: entry.reason ?? '' })}</span>`;
  }
  return html`<span class="badge badge-not-yet">${st(language, 'notYet')}</span>`;
}

/**
 * Who has signed the pact: "4/6 đơn vị đã ký", then each unit with its state (signed by whom, how and when; a paper
 * signature awaiting confirmation; not yet; declined with the reason), and whether the pact is in force.
 */
export function pactSigningBlock(signing: PactSigning, language: Language, level: 'h2' | 'h4', options: { showVersion?: boolean } = {}): SafeHtml {
  const headingId = `signing-${signing.stageRunId}`;
  const title = st(language, 'heading');
  return html`<section class="pact-signing" aria-labelledby="${headingId}">
    ${level === 'h2' ? html`<h2 id="${headingId}">${title}</h2>` : html`<h4 id="${headingId}">${title}</h4>`}
    ${pactStatusLine(signing, language)}
    ${options.showVersion ? html`<p><a href="/documents/${signing.document.id}?v=${signing.document.versionNumber}">${st(language, 'signedVersion', { number: signing.document.versionNumber })}</a></p>` : ''}
    <p class="signing-count">${st(language, 'unitsSigned', { signed: signing.signed, total: signing.total })}</p>
    <ul class="unit-signatures" aria-label="${st(language, 'unitsLabel')}">${signing.units.map(
      (entry) => html`<li><strong>${entry.unit.code} — ${entry.unit.name}</strong>: ${unitState(entry, language)}</li>`,
    )}</ul>
  </section>`;
}

import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { WebhookDeliveryDto, WebhookDto } from '../../../modules/webhooks/dto/webhook.dto';
import { isWebhookEventType, WEBHOOK_EVENTS } from '../../../modules/webhooks/webhook-events';
import { timeElement } from '../../web/page-format';
import { WebhookWebText, wt } from './webhook-web-texts';

export interface WebhookListViewModel {
  language: Language;
  endpoints: Array<{ endpoint: WebhookDto; deliveries: WebhookDeliveryDto[] }>;
  flash?: string;
}

const eventName = (type: string, language: Language): string => (isWebhookEventType(type) ? WEBHOOK_EVENTS[type][language] : type);

function deliveryRow(endpoint: WebhookDto, delivery: WebhookDeliveryDto, language: Language): SafeHtml {
  return html`<tr data-delivery="${delivery.id}">
      <td>${timeElement(delivery.createdAt, language)}</td>
      <td>${eventName(delivery.eventType, language)} <code>${delivery.eventType}</code></td>
      <td><a href="/campaigns/${delivery.campaignId}">${delivery.campaignName}</a></td>
      <td><strong>${wt(language, delivery.status as WebhookWebText)}</strong>${
        delivery.status === 'pending' && delivery.nextAttemptAt ? html` <span class="muted">(${wt(language, 'nextAttempt')} ${timeElement(delivery.nextAttemptAt, language)})</span>` : ''
      }</td>
      <td>${delivery.attempts}</td>
      <td>${delivery.lastStatusCode ?? html`<span class="muted">${wt(language, 'noResponse')}</span>`}</td>
      <td>${delivery.lastError ?? ''}</td>
      <td>${
        delivery.status === 'pending'
          ? ''
          : html`<form method="post" action="/admin/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver"><button type="submit">${wt(language, 'redeliver')}</button></form>`
      }</td>
    </tr>`;
}

function deliveriesTable(endpoint: WebhookDto, deliveries: WebhookDeliveryDto[], language: Language): SafeHtml {
  if (!deliveries.length) return html`<p class="muted">${wt(language, 'noDeliveries')}</p>`;
  return html`<div class="table-wrap" role="region" aria-label="${wt(language, 'deliveries', { name: endpoint.name })}" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${wt(language, 'time')}</th>
      <th scope="col">${wt(language, 'event')}</th>
      <th scope="col">${wt(language, 'campaign')}</th>
      <th scope="col">${wt(language, 'status')}</th>
      <th scope="col">${wt(language, 'attempts')}</th>
      <th scope="col">${wt(language, 'lastResponse')}</th>
      <th scope="col">${wt(language, 'error')}</th>
      <th scope="col">${wt(language, 'actions')}</th>
    </tr></thead>
    <tbody>${deliveries.map((delivery) => deliveryRow(endpoint, delivery, language))}</tbody>
  </table>
</div>`;
}

/** Every endpoint with its events, then its delivery log: status, attempts, last answer and error, and "send again". */
export function webhookListView({ language, endpoints, flash }: WebhookListViewModel): SafeHtml {
  const sections = endpoints.length
    ? endpoints.map(
        ({ endpoint, deliveries }) => html`<section data-endpoint="${endpoint.id}">
  <h2>${endpoint.name}${endpoint.enabled ? '' : html` <span class="muted">(${wt(language, 'disabled')})</span>`}</h2>
  <dl>
    <dt>${wt(language, 'endpoint')}</dt><dd><code>${endpoint.url}</code></dd>
    <dt>${wt(language, 'events')}</dt><dd>${endpoint.events.map((type) => eventName(type, language)).join(', ')}</dd>
    <dt>${wt(language, 'secret')}</dt><dd><code>${endpoint.secretHint}</code></dd>
  </dl>
  <h3>${wt(language, 'deliveries', { name: endpoint.name })}</h3>
  ${deliveriesTable(endpoint, deliveries, language)}
</section>`,
      )
    : html`<p class="muted">${wt(language, 'empty')}</p>`;
  return html`<h1>${wt(language, 'title')}</h1>
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${wt(language, 'intro')}</p>
${sections}`;
}

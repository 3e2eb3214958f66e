import { AppError } from '../../common/errors/app-error';
import { checkWebhookEvents, checkWebhookUrl } from './webhook-endpoints.service';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.example.vn/thidua', 'https://hooks.example.vn/thidua'],
    ['https://10.0.0.5:8443/x?key=1', 'https://10.0.0.5:8443/x?key=1'],
    ['HTTPS://Hooks.Example.VN', 'https://hooks.example.vn/'],
  ])('accepts %s as %s', (input, normalised) => {
    expect(checkWebhookUrl(input)).toBe(normalised);
  });

  it.each(['http://hooks.example.vn/x', 'ftp://hooks.example.vn', 'hooks.example.vn/x', 'https://user:secret@hooks.example.vn', 'https://:secret@hooks.example.vn', 'javascript:alert(1)', ''])(
    'refuses %p with WEBHOOK_URL_INVALID',
    (input) => {
      expect(codeOf(() => checkWebhookUrl(input))).toBe('WEBHOOK_URL_INVALID');
    },
  );
});

describe('checkWebhookEvents', () => {
  it('keeps known types once each, in order', () => {
    expect(checkWebhookEvents(['pact.in-force', 'campaign.launched', 'pact.in-force'])).toEqual(['pact.in-force', 'campaign.launched']);
  });

  it.each([['campaign.exploded'], ['Campaign.Launched'], ['constructor'], ['']])('refuses %p with WEBHOOK_EVENT_UNKNOWN', (event) => {
    expect(codeOf(() => checkWebhookEvents(['campaign.launched', event]))).toBe('WEBHOOK_EVENT_UNKNOWN');
  });
});

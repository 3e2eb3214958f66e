import { assigneeText, dueRuleText, formatDateTime, inboxCountsText, localText, progressText, timeElement } from './page-format';

describe('formatDateTime', () => {
  it("shows Vietnam's wall clock (UTC+7), rolling over to the next day", () => {
    expect(formatDateTime('2020-01-24T17:30:00.000Z', 'vi')).toBe('25/01/2020 00:30');
    expect(formatDateTime('2020-01-24T16:59:00.000Z', 'vi')).toBe('24/01/2020 23:59');
    expect(formatDateTime(new Date('2020-12-31T17:00:00Z'), 'vi')).toBe('01/01/2021 00:00');
  });

  it('writes the date part as the home page does in English', () => {
    expect(formatDateTime('2020-04-30T02:05:00Z', 'en')).toBe('2020-04-30 09:05');
  });

  it('wraps the text in a <time> carrying the instant', () => {
    expect(timeElement('2020-04-30T02:05:00Z', 'vi').value).toBe('<time datetime="2020-04-30T02:05:00.000Z">30/04/2020 09:05</time>');
  });
});

describe('counts and progress', () => {
  it('says "3 việc cần làm, 1 trễ hạn" and leaves out a zero late count', () => {
    expect(inboxCountsText({ open: 3, late: 1 }, 'vi')).toBe('3 việc cần làm, 1 trễ hạn');
    expect(inboxCountsText({ open: 0, late: 0 }, 'vi')).toBe('0 việc cần làm');
    expect(inboxCountsText({ open: 1, late: 1 }, 'en')).toBe('1 task to do, 1 late');
    expect(inboxCountsText({ open: 2, late: 0 }, 'en')).toBe('2 tasks to do');
  });

  it('says "4/6 xong, 1 trễ hạn" / "4/6 done, 1 late"', () => {
    expect(progressText({ done: 4, total: 6, late: 1 }, 'vi')).toBe('4/6 xong, 1 trễ hạn');
    expect(progressText({ done: 4, total: 6, late: 0 }, 'vi')).toBe('4/6 xong');
    expect(progressText({ done: 4, total: 6, late: 2 }, 'en')).toBe('4/6 done, 2 late');
    expect(progressText({ done: 3, total: 6, late: 1, awaitingReview: 2 }, 'vi')).toBe('3/6 xong, 2 chờ duyệt, 1 trễ hạn');
    expect(progressText({ done: 3, total: 6, late: 0, awaitingReview: 1 }, 'en')).toBe('3/6 done, 1 awaiting review');
  });
});

describe('definition texts', () => {
  it('takes English when given and falls back to Vietnamese, then to the fallback', () => {
    expect(localText({ vi: 'Duyệt', en: 'Review' }, 'en', 'k')).toBe('Review');
    expect(localText({ vi: 'Duyệt' }, 'en', 'k')).toBe('Duyệt');
    expect(localText('Duyệt', 'en', 'k')).toBe('Duyệt');
    expect(localText(undefined, 'vi', 'k')).toBe('k');
  });

  it('says due rules with plurals in English', () => {
    expect(dueRuleText({ workingDays: 5 }, 'vi')).toBe('5 ngày làm việc');
    expect(dueRuleText({ workingDays: 1 }, 'en')).toBe('1 working day');
    expect(dueRuleText({ hours: 2 }, 'en')).toBe('2 hours');
    expect(dueRuleText({ date: '--12-15' }, 'vi')).toBe('ngày --12-15');
  });

  it('names assignees by role, unit code or username, an unknown role by its code', () => {
    expect(assigneeText('cluster-head', 'vi')).toBe('cụm trưởng');
    expect(assigneeText({ unit: 'VKS-THA' }, 'en')).toBe('unit VKS-THA');
    expect(assigneeText({ person: 'admin' }, 'vi')).toBe('cán bộ admin');
    expect(assigneeText('someone-new' as 'admin', 'vi')).toBe('someone-new');
  });
});

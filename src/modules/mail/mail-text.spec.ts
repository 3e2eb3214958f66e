import { letter, noticeItem, noticeSubject, vietnamTime } from './mail-text';

describe('mail text', () => {
  const reminder = {
    kind: 'reminder',
    message: { vi: 'Nhắc việc: "Xác nhận giao ước" (Giao ước 2020) sắp đến hạn.', en: 'Reminder: "Acknowledge the pact" (Giao ước 2020) is due soon.' },
    campaignName: 'Giao ước 2020',
    unitName: 'VKSND tỉnh Nghệ An',
    dueAt: new Date('2020-03-02T10:00:00Z'),
  };

  it('writes the due time in Vietnam time', () => {
    expect(vietnamTime(new Date('2020-03-02T10:00:00Z'))).toBe('02/03/2020 17:00');
    expect(vietnamTime(new Date('2020-12-31T18:30:00Z'))).toBe('01/01/2021 01:30');
  });

  it.each([
    ['vi', '[Thi đua] Nhắc việc: Giao ước 2020', 'Đơn vị: VKSND tỉnh Nghệ An\nHạn: 02/03/2020 17:00', 'Kính gửi Nguyễn Văn A,'],
    ['en', '[Thi đua] Reminder: Giao ước 2020', 'Unit: VKSND tỉnh Nghệ An\nDue: 02/03/2020 17:00', 'Dear Nguyễn Văn A,'],
  ] as const)('names the campaign, stage, unit and due time in %s', (language, subject, lines, greeting) => {
    expect(noticeSubject(reminder, language)).toBe(subject);
    const item = noticeItem(reminder, language);
    expect(item).toBe(`${reminder.message[language]}\n${lines}`);
    const text = letter({ fullName: 'Nguyễn Văn A', language, items: [item], link: 'http://localhost:3000/inbox' });
    expect(text.startsWith(`${greeting}\n\n${item}\n`)).toBe(true);
    expect(text).toContain('http://localhost:3000/inbox');
  });

  it('leaves out the unit and the due time when the notice has none', () => {
    expect(noticeItem({ ...reminder, kind: 'returned', unitName: null, dueAt: null }, 'vi')).toBe(reminder.message.vi);
    expect(noticeSubject({ ...reminder, kind: 'something-new' }, 'vi')).toBe('[Thi đua] something-new: Giao ước 2020');
  });
});

import { recordTimeline } from './record-timeline.view';

describe('recordTimeline', () => {
  it('draws a column for every year from the first to the last, a missing year marked as empty', () => {
    const out = recordTimeline(
      [
        { year: 2020, note: 'Hoàn thành tốt nhiệm vụ', marks: [{ text: 'Lao động tiên tiến', tone: 'title', detail: '15/QĐ-VKS (29/12/2020)' }] },
        { year: 2018, marks: [{ text: 'Bằng khen', tone: 'form' }] },
      ],
      'Biểu đồ quá trình',
      'Chưa có',
    ).value;
    expect([...out.matchAll(/data-year="(\d+)"/g)].map((match) => match[1])).toEqual(['2018', '2019', '2020']);
    expect(out).toContain('<li data-year="2019"><span class="year">2019</span><span class="note"></span><span class="empty">Chưa có</span></li>');
    expect(out).toContain('<li class="mark title" title="15/QĐ-VKS (29/12/2020)">Lao động tiên tiến</li>');
    expect(out).toContain('<span class="note">Hoàn thành tốt nhiệm vụ</span>');
  });

  it('escapes what the records hold and draws nothing for an empty record', () => {
    const out = recordTimeline([{ year: 2021, marks: [{ text: '<b>Sáng kiến</b>', tone: 'revoked', detail: 'Lý do "sai"' }] }], 'x', 'y').value;
    expect(out).toContain('<li class="mark revoked" title="Lý do &quot;sai&quot;">&lt;b&gt;Sáng kiến&lt;/b&gt;</li>');
    expect(recordTimeline([], 'x', 'y').value).toBe('');
  });
});

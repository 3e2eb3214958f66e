import { formatDay, homeView } from './home.view';

describe('formatDay', () => {
  it('writes days the Vietnamese way and keeps ISO in English', () => {
    expect(formatDay('2020-02-13', 'vi')).toBe('13/02/2020');
    expect(formatDay('2020-02-13', 'en')).toBe('2020-02-13');
  });

  it('leaves anything that is not a plain day as it is', () => {
    expect(formatDay('13/02/2020', 'vi')).toBe('13/02/2020');
  });
});

describe('homeView', () => {
  const base = { language: 'vi' as const, fullName: 'Nguyễn Thị Hoa', roles: [] };

  it('localizes mandate roles and shows an unknown one by its code', () => {
    const page = homeView({
      ...base,
      mandates: [
        { unitCode: 'A', unitName: 'Đơn vị A', role: 'deputy', validFrom: '2020-01-01', validTo: null },
        { unitCode: 'B', unitName: 'Đơn vị B', role: 'observer', validFrom: '2020-01-01', validTo: '2020-12-31' },
      ],
    }).value;
    expect(page).toContain('<td>Cấp phó</td>');
    expect(page).toContain('<td>observer</td>');
    expect(page).toContain('<td><time datetime="2020-12-31">31/12/2020</time></td>');
  });

  it('shows the empty state instead of an empty table', () => {
    const page = homeView({ ...base, language: 'en', mandates: [] }).value;
    expect(page).toContain('You hold no mandate valid today.');
    expect(page).not.toContain('<table');
  });
});

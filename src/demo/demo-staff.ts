import { CLUSTER, CLUSTER_UNITS } from './demo-units';

/**
 * The staff of the demo cluster's units and their records for the three years before the pact year's review
 * (2018–2020): ten fictional people a unit, their task results, LĐTT and CSTĐCS titles with their decisions,
 * initiatives, one long absence and one reprimand. 2020's titles are left to be proposed. Written as the records
 * CSV an administrator would import, and loaded through that import.
 */

export interface DemoStaffMember {
  username: string;
  fullName: string;
  position: string;
  unitCode: string;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thị Thu', 'Quang', 'Thị Ngọc', 'Đức', 'Thị Hồng', 'Hữu', 'Thị Kim'];
const GIVEN = ['Anh', 'Bích', 'Cường', 'Dung', 'Giang', 'Hạnh', 'Khoa', 'Liên', 'Nam', 'Oanh'];
const POSITIONS = ['Kiểm sát viên trung cấp', 'Kiểm sát viên sơ cấp', 'Kiểm tra viên', 'Chuyên viên'];

export const STAFF_YEARS = [CLUSTER.year - 2, CLUSTER.year - 1, CLUSTER.year];
type Result = 'excellent' | 'good' | 'completed';

/** Person i's result in a year: a few excellent, most good, one only completed; varied by unit and year. */
function resultOf(unitIndex: number, person: number, year: number): Result {
  const turn = (person + unitIndex + year) % 10;
  return turn < 3 ? 'excellent' : turn < 9 ? 'good' : 'completed';
}

export function demoStaff(): DemoStaffMember[] {
  return CLUSTER_UNITS.flatMap((unit, u) =>
    Array.from({ length: 10 }, (_, i) => ({
      username: `${unit.slug}.cb${String(i + 1).padStart(2, '0')}`,
      fullName: `${SURNAMES[(i + u) % 10]} ${MIDDLE[(i * 3 + u) % 10]} ${GIVEN[i]}`,
      position: POSITIONS[i % POSITIONS.length],
      unitCode: unit.code,
    })),
  );
}

const HEADER = 'record,username,unitCode,year,title,taskResult,scope,name,from,to,level,recruitedOn,decisionNumber,signedOn,issuer';

/** The records file of the demo staff. */
export function demoStaffRecordsCsv(): string {
  const lines = [HEADER];
  const line = (fields: Record<string, string | number>) => lines.push(HEADER.split(',').map((column) => quote(String(fields[column] ?? ''))).join(','));
  CLUSTER_UNITS.forEach((unit, u) => {
    const people = demoStaff().filter((member) => member.unitCode === unit.code);
    const issuer = `Viện trưởng ${unit.name}`;
    for (const year of STAFF_YEARS) {
      line({ record: 'unit-result', unitCode: unit.code, year, taskResult: (u + year) % 3 === 0 ? 'good' : 'excellent' });
      people.forEach((person, i) => {
        line({ record: 'staff', username: person.username, unitCode: unit.code, year, taskResult: resultOf(u, i, year), recruitedOn: year === STAFF_YEARS[0] ? `20${String(5 + i).padStart(2, '0')}-09-01` : '' });
      });
      if (year === CLUSTER.year) continue;
      const decision = { decisionNumber: `${60 + u}/QĐ-${unit.code}-${year}`, signedOn: `${year}-12-28`, issuer };
      people.forEach((person, i) => {
        const result = resultOf(u, i, year);
        if (result === 'completed') return;
        line({ record: 'title', username: person.username, year, title: 'LDTT', ...decision });
        // One CSTĐCS a unit a year: 15 % of its nine or so LĐTT holders rounds down to one.
        if (result === 'excellent' && i === people.findIndex((_, j) => resultOf(u, j, year) === 'excellent')) {
          line({ record: 'title', username: person.username, year, title: 'CSTDCS', ...decision });
        }
      });
    }
    line({ record: 'initiative', username: people[1].username, year: CLUSTER.year, scope: 'unit', name: `Sổ tay kiểm sát điện tử của ${unit.shortName}`, decisionNumber: `${u + 1}/QĐ-HĐSK` });
    line({ record: 'initiative', username: people[4].username, year: CLUSTER.year - 1, scope: 'sector', name: `Quy trình số hóa hồ sơ vụ án tại ${unit.shortName}`, decisionNumber: `${u + 11}/QĐ-HĐSK-VKSTC` });
    line({ record: 'absence', username: people[7].username, from: `${CLUSTER.year}-03-02`, to: `${CLUSTER.year}-07-31` });
    if (u === 0) line({ record: 'discipline', username: people[9].username, from: `${CLUSTER.year}-05-12`, level: 'reprimand', decisionNumber: `12/QĐ-${unit.code}`, signedOn: `${CLUSTER.year}-06-01` });
  });
  return lines.join('\n');
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

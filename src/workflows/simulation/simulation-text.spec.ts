import { simulationText } from './simulation-text';
import type { SimulationReport } from './simulation.types';

const report: SimulationReport = {
  workflow: { key: 'cluster-pact', version: 1, name: 'Giao ước thi đua' },
  subject: 'Cụm thi đua số 6',
  startedAt: '2020-01-02T01:00:00.000Z',
  endedAt: '2020-03-02T01:00:00.000Z',
  status: 'completed',
  activeStages: [],
  stoppedBecause: { vi: 'đợt thi đua đã kết thúc', en: 'the campaign ended' },
  lateUnits: [],
  remindersSent: 0,
  noticesSent: 3,
  stages: [
    { key: 'adoption', name: { vi: 'Biểu quyết thông qua', en: 'Adoption vote' }, enteredAt: '2020-01-10T01:00:00.000Z', completedAt: '2020-01-15T01:00:00.000Z', outcome: 'passed' },
    { key: 'signing', name: { vi: 'Ký giao ước', en: 'Signing' }, enteredAt: '2020-01-15T01:00:00.000Z', completedAt: '2020-01-20T01:00:00.000Z', outcome: 'declined' },
  ],
  missedDeadlines: [],
  timeline: [],
};

describe('simulationText', () => {
  it('words the status and each stage outcome in the chosen language, never as codes', () => {
    const vi = simulationText(report, 'vi');
    expect(vi).toContain('trạng thái: đã hoàn thành');
    expect(vi).toContain('Biểu quyết thông qua [Thông qua]');
    expect(vi).toContain('Ký giao ước [Từ chối ký]');
    const en = simulationText(report, 'en');
    expect(en).toContain('status: completed');
    expect(en).toContain('Adoption vote [Passed]');
    expect(`${vi}${en}`).not.toMatch(/\[(passed|declined)\]/);
  });
});

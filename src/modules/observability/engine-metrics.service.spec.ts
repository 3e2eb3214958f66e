import { AppError } from '../../common/errors/app-error';
import { EngineMetrics, MAX_COMMAND_LABELS } from './engine-metrics.service';
import { MetricsRegistry } from './metrics-registry';

describe('EngineMetrics', () => {
  let registry: MetricsRegistry;
  let metrics: EngineMetrics;

  beforeEach(() => {
    registry = new MetricsRegistry();
    metrics = new EngineMetrics(registry);
  });
  afterEach(() => registry.onModuleDestroy());

  const value = async (name: string, labels: Record<string, string>) => {
    const metric = (await registry.registry.getMetricsAsJSON()).find((m) => m.name === name);
    const sample = (metric?.values ?? []).find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
    return sample?.value;
  };

  it('counts a command by its result: ok, the error code, or error', async () => {
    await expect(metrics.countCommand('task.approve', async () => 'done')).resolves.toBe('done');
    await expect(metrics.countCommand('task.approve', async () => Promise.reject(new AppError('CAMPAIGN_CHANGED')))).rejects.toBeInstanceOf(AppError);
    await expect(metrics.countCommand('task.approve', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await value('thidua_campaign_commands_total', { command: 'task.approve', result: 'ok' })).toBe(1);
    expect(await value('thidua_campaign_commands_total', { command: 'task.approve', result: 'CAMPAIGN_CHANGED' })).toBe(1);
    expect(await value('thidua_campaign_commands_total', { command: 'task.approve', result: 'error' })).toBe(1);
  });

  it('keeps command labels bounded: odd names and names past the limit become "other"', async () => {
    await metrics.countCommand('task.Robert"); DROP', async () => undefined);
    for (let i = 0; i < MAX_COMMAND_LABELS + 5; i++) await metrics.countCommand(`task.c${i}`, async () => undefined);
    const metric = (await registry.registry.getMetricsAsJSON()).find((m) => m.name === 'thidua_campaign_commands_total');
    const commands = new Set(metric!.values.map((v) => v.labels.command));
    expect(commands.size).toBe(MAX_COMMAND_LABELS + 1);
    expect(await value('thidua_campaign_commands_total', { command: 'other' })).toBe(6);
  });

  it('counts stage transitions', async () => {
    metrics.stagesCompleted([{ stageType: 'review', outcome: 'approved' }, { stageType: 'review', outcome: 'approved' }, { stageType: 'end', outcome: 'end' }]);
    expect(await value('thidua_stage_transitions_total', { stage_type: 'review', outcome: 'approved' })).toBe(2);
    expect(await value('thidua_stage_transitions_total', { stage_type: 'end', outcome: 'end' })).toBe(1);
  });

  it('lives in its own registry, so two application instances never clash', () => {
    const other = new MetricsRegistry();
    expect(() => new EngineMetrics(other)).not.toThrow();
    other.onModuleDestroy();
  });
});

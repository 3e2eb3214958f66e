import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AppError } from '../../common/errors/app-error';
import { MetricsRegistry } from './metrics-registry';

/** A stage run that ended, as the runner records it. */
export interface StageTransition {
  stageType: string;
  outcome: string;
}

/** Commands come from request bodies: past this many distinct names, new ones are counted as `other`. */
export const MAX_COMMAND_LABELS = 50;
const COMMAND_LABEL = /^[a-z][a-z0-9.-]{0,63}$/;

/**
 * The workflow engine's counters. The engine calls these methods with plain strings and never sees
 * prom-client, so it can be tested or run without it.
 */
@Injectable()
export class EngineMetrics {
  private readonly commands: Counter<'command' | 'result'>;
  private readonly transitions: Counter<'stage_type' | 'outcome'>;
  private readonly commandLabels = new Set<string>();

  constructor(metrics: MetricsRegistry) {
    this.commands = new Counter({
      name: 'thidua_campaign_commands_total',
      help: 'Campaign commands (launch, task.<command>, cancel) by result: ok, or the error code',
      labelNames: ['command', 'result'],
      registers: [metrics.registry],
    });
    this.transitions = new Counter({
      name: 'thidua_stage_transitions_total',
      help: 'Stage runs that ended and committed, by stage type and outcome',
      labelNames: ['stage_type', 'outcome'],
      registers: [metrics.registry],
    });
  }

  /** Runs a command and counts it once it has finished: `ok`, its error code, or `error` for anything uncoded. */
  async countCommand<T>(command: string, work: () => Promise<T>): Promise<T> {
    const label = this.commandLabel(command);
    try {
      const result = await work();
      this.commands.inc({ command: label, result: 'ok' });
      return result;
    } catch (error) {
      this.commands.inc({ command: label, result: error instanceof AppError ? error.code : 'error' });
      throw error;
    }
  }

  /** Counts stage transitions; call after their transaction committed, so a rollback counts nothing. */
  stagesCompleted(transitions: readonly StageTransition[]): void {
    for (const { stageType, outcome } of transitions) this.transitions.inc({ stage_type: stageType, outcome });
  }

  private commandLabel(command: string): string {
    if (this.commandLabels.has(command)) return command;
    if (!COMMAND_LABEL.test(command) || this.commandLabels.size >= MAX_COMMAND_LABELS) return 'other';
    this.commandLabels.add(command);
    return command;
  }
}

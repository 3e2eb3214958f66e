import type { EntityManager } from '@mikro-orm/core';
import type { StageDefinition } from '../definitions/workflow-document';
import type { Campaign } from '../engine/entities/campaign.entity';
import type { StageRun } from '../engine/entities/stage-run.entity';
import type { Task } from '../engine/entities/task.entity';

/** What a stage type's effects see: the engine's transaction, the campaign (its `context` may be extended), the run. */
export interface StageEffectContext {
  em: EntityManager;
  campaign: Campaign;
  run: StageRun;
  stage: StageDefinition;
  tasks: Task[];
  /** Appends an event to the campaign's hash-chained history, in the same transaction. */
  record(type: string, data: Record<string, unknown>): Promise<void>;
}

/**
 * The side of a stage type that works with other modules' data (a poll to open and close, a document to create):
 * Nest providers, unlike the pure handlers. Both hooks run inside the engine's transaction, so what they write
 * commits with the stage or not at all; both must be idempotent (a redelivered job can run them again).
 */
export interface StageEffects {
  readonly type: string;
  /** After the stage run and its tasks exist, before the engine checks whether it is already complete. */
  onEnter?(ctx: StageEffectContext): Promise<void>;
  /** When the stage completes with the handler's outcome: the outcome to record and follow (a vote's `passed`…). */
  onComplete?(ctx: StageEffectContext, outcome: string): Promise<string>;
}

/** The list of every stage type's effects (a Nest multi-value token). */
export const STAGE_EFFECTS = Symbol('STAGE_EFFECTS');

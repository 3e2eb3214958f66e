import type { StageRunDto } from '../api/dto/campaign.dto';
import { describeCondition } from '../definitions/condition-text';
import { transitionsOf, WorkflowDocument } from '../definitions/workflow-document';
import { outcomesOf } from '../definitions/document-order';

/** One way into a next stage: from which current stage, on which outcome, under which condition. */
export interface NextRoute {
  fromKey: string;
  outcome: string;
  /** The condition as one readable line, when the transition is guarded. */
  condition?: string;
  /** The unguarded last transition of a guarded list: taken when no condition before it holds. */
  fallback: boolean;
}

/** A stage the campaign can move to from where it is now. */
export interface NextStage {
  key: string;
  /** The target is one of the current stages itself (e.g. a draft returned for changes). */
  again: boolean;
  routes: NextRoute[];
}

/** The campaign page's timeline: done (closed runs in order), current (active runs), next (reachable in one step). */
export interface CampaignTimeline {
  done: StageRunDto[];
  current: StageRunDto[];
  next: NextStage[];
}

/**
 * Splits a campaign's stage runs for the timeline and finds the next stages in the pinned document:
 * every target of the current stages' transitions, each listed once with the outcomes leading there.
 */
export function campaignTimeline(runs: StageRunDto[], document: WorkflowDocument): CampaignTimeline {
  const done = runs.filter((run) => run.status !== 'active');
  const current = runs.filter((run) => run.status === 'active');
  const currentKeys = new Set(current.map((run) => run.stageKey));
  const next = new Map<string, NextStage>();
  for (const fromKey of currentKeys) {
    const stage = document.stages[fromKey];
    for (const outcome of outcomesOf(stage)) {
      const transitions = transitionsOf(stage!.on![outcome]);
      for (const transition of transitions) {
        const target = next.get(transition.to) ?? { key: transition.to, again: currentKeys.has(transition.to), routes: [] };
        target.routes.push({
          fromKey,
          outcome,
          condition: transition.when === undefined ? undefined : describeCondition(transition.when),
          fallback: transition.when === undefined && transitions.length > 1,
        });
        next.set(transition.to, target);
      }
    }
  }
  return { done, current, next: [...next.values()] };
}

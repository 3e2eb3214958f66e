import { conditionHolds } from '../definitions/json-logic-rule';
import { StageDefinition, transitionsOf } from '../definitions/workflow-document';

/** The next stage after `outcome`: the first transition whose condition holds over the campaign's facts. */
export function nextStage(stage: StageDefinition, stageKey: string, outcome: string, context: Record<string, unknown>): string | null {
  const facts = { context, outcome, stage: stageKey };
  const chosen = transitionsOf(stage.on?.[outcome]).find((t) => t.when === undefined || conditionHolds(t.when, facts));
  return chosen?.to ?? null;
}

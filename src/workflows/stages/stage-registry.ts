import { AcknowledgeStage } from './acknowledge/acknowledge.stage';
import { DecisionStage } from './decision/decision.stage';
import { DiscussionStage } from './discussion/discussion.stage';
import { EndStage } from './end/end.stage';
import { FormStage } from './form/form.stage';
import { ProposeStage } from './propose/propose.stage';
import { RankStage } from './rank/rank.stage';
import { ReviewStage } from './review/review.stage';
import { ScoreStage } from './score/score.stage';
import { SignStage } from './sign/sign.stage';
import { StageHandler } from './stage-handler';
import { VoteStage } from './vote/vote.stage';
import { WaitStage } from './wait/wait.stage';

/** The stage types this build supports. A type listed here without exactly one handler stops start-up. */
export const STAGE_TYPES = ['review', 'acknowledge', 'form', 'discussion', 'vote', 'sign', 'score', 'rank', 'propose', 'decision', 'wait', 'end'] as const;

/** Explicit registration: no discovery, so what runs is what is listed. */
export const STAGE_HANDLERS: StageHandler[] = [
  new ReviewStage(),
  new AcknowledgeStage(),
  new FormStage(),
  new DiscussionStage(),
  new VoteStage(),
  new SignStage(),
  new ScoreStage(),
  new RankStage(),
  new ProposeStage(),
  new DecisionStage(),
  new WaitStage(),
  new EndStage(),
];

/** Stage type → handler; the constructor refuses a type with no handler or two. */
export class StageRegistry {
  private readonly byType: Map<string, StageHandler>;

  constructor(handlers: StageHandler[] = STAGE_HANDLERS, expected: readonly string[] = STAGE_TYPES) {
    const byType = new Map<string, StageHandler>();
    const problems: string[] = [];
    for (const handler of handlers) {
      if (byType.has(handler.type)) problems.push(`stage type "${handler.type}" has two handlers`);
      byType.set(handler.type, handler);
    }
    for (const type of expected) if (!byType.has(type)) problems.push(`stage type "${type}" has no handler`);
    for (const type of byType.keys()) if (!expected.includes(type)) problems.push(`handler for unlisted stage type "${type}"`);
    if (problems.length) throw new Error(`Stage registry is inconsistent: ${problems.join('; ')}`);
    this.byType = byType;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  get(type: string): StageHandler {
    const handler = this.byType.get(type);
    if (!handler) throw new Error(`No handler for stage type "${type}"`);
    return handler;
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}

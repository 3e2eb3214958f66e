import type { LaunchInput } from '../engine/campaign-launch.service';

/** How the synthetic actors of a dry run behave. Units are named by code (e.g. VKS-QT). */
export interface SimulationBehaviour {
  /** The share of units (0–1) that act only after their due date; the others act within the first third of it. */
  lateShare: number;
  /** Units that vote against (disagree) in every vote; the others agree. */
  votesAgainst: string[];
  /** A unit that declines to sign the first time it is asked (with a reason); it signs when asked again. */
  declines: string | null;
  /**
   * A unit that proposes an amendment (a clause added at the start) on the first day of the first discussion; the
   * other units vote on it the next day (those in `votesAgainst` against), before the discussion closes.
   */
  amends?: string | null;
  /** Seed of the choice of late units, so that a run can be repeated exactly. */
  seed: number;
  /** The last day rehearsed (YYYY-MM-DD, Vietnam); null or absent: 30 March of the year after the campaign's. */
  until?: string | null;
}

/** A launch (as the engine takes it) and how the rehearsal's actors behave. */
export interface SimulationRequest extends LaunchInput {
  behaviour: SimulationBehaviour;
}

export type TimelineKind = 'launch' | 'action' | 'reminder' | 'deadline' | 'stage' | 'refusal' | 'end';

/** One line of the simulated campaign's timeline, in both languages. */
export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  vi: string;
  en: string;
}

export interface SimulatedStage {
  key: string;
  name: { vi: string; en: string };
  enteredAt: string;
  completedAt: string | null;
  outcome: string | null;
}

export interface MissedDeadline {
  stage: { vi: string; en: string };
  assignee: string;
  dueAt: string;
  /** When the task was done after its due time; null when it was still open. */
  doneAt: string | null;
}

/** What a dry run found: nothing of it was kept. */
export interface SimulationReport {
  workflow: { key: string; version: number; name: string };
  subject: string;
  startedAt: string;
  endedAt: string;
  /** running (stopped at the horizon or waiting on a stage no actor plays), completed or cancelled. */
  status: string;
  /** The stages the campaign was in when the rehearsal stopped. */
  activeStages: Array<{ vi: string; en: string }>;
  stages: SimulatedStage[];
  timeline: TimelineEntry[];
  remindersSent: number;
  noticesSent: number;
  missedDeadlines: MissedDeadline[];
  /** Names of the units the scenario made late. */
  lateUnits: string[];
  /** Why the rehearsal stopped, in both languages. */
  stoppedBecause: { vi: string; en: string };
}

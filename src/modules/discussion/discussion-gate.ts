import type { EntityManager } from '@mikro-orm/core';

/** The injection token of the DiscussionGate the application provides. */
export const DISCUSSION_GATE = Symbol('DISCUSSION_GATE');

/**
 * Whether a document takes new threads, comments, edits and thread status changes now. A campaign's document is
 * discussed only while that campaign's discussion stage is open, which only the workflows know: they provide the
 * gate (CampaignDiscussionGate), and the discussion module asks it inside its write transaction.
 */
export interface DiscussionGate {
  /** @throws AppError DISCUSSION_CLOSED (409) when the document's discussion has ended. */
  assertOpen(em: EntityManager, documentId: string): Promise<void>;
}

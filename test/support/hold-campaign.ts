import { CampaignLock } from '../../src/workflows/engine/campaign-lock.service';

/**
 * A change of the campaign that stays open, holding its lock, until released: resolved once it is inside; `committed`
 * answers 'first' once it has committed.
 */
export async function holdCampaign(lock: CampaignLock, campaignId: string): Promise<{ release: () => void; committed: Promise<string> }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let inside!: () => void;
  const entered = new Promise<void>((resolve) => (inside = resolve));
  const committed = lock.run(campaignId, null, async () => {
    inside();
    await held;
    return 'first';
  });
  await entered;
  return { release, committed };
}

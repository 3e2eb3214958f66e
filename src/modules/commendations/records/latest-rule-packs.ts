import { EntityManager } from '@mikro-orm/core';
import { RulePackVersion } from '../entities/rule-pack-version.entity';
import { inEffectiveOrder } from '../rules/rule-pack-order';

/**
 * The latest version of every rule pack definition, with its definition, oldest `effectiveFrom` first: the packs in
 * force. Two reads: the numbers of all versions (no documents), then the documents of the latest ones.
 */
export async function latestRulePackVersions(em: EntityManager): Promise<RulePackVersion[]> {
  // A fork of its own: partly loaded rows must not stand in for whole ones in the caller's identity map.
  const numbers = await em.fork().find(RulePackVersion, {}, { fields: ['number', 'definition'] });
  const latest = new Map<string, number>();
  for (const version of numbers) latest.set(version.definition.id, Math.max(latest.get(version.definition.id) ?? 0, version.number));
  if (!latest.size) return [];
  const versions = await em.find(RulePackVersion, { $or: [...latest].map(([definition, number]) => ({ definition, number })) }, { populate: ['definition', 'publishedBy'] });
  return inEffectiveOrder(versions.map((version) => ({ version, key: version.definition.key, effectiveFrom: version.effectiveFrom }))).map(({ version }) => version);
}

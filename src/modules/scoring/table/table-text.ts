import { Language } from '../../../common/i18n/language';
import { LocalText, ScoringBranch, ScoringLeaf, ScoringNode, ScoringTableDocument, isLeaf } from './scoring-table';

/** A table text in the reader's language; Vietnamese when the table gives no English. */
export function textIn(text: LocalText, language: Language): string {
  if (typeof text === 'string') return text;
  return language === 'en' && text.en ? text.en : text.vi;
}

/**
 * The Form.io field key of a criterion: `c_` + its code with `.` and `-` as `_` (`I.2.b` → `c_I_2_b`). Codes
 * that would share a key are refused by validateScoringTable, so the key identifies the criterion.
 */
export const fieldKeyOf = (code: string): string => `c_${code.replace(/[.-]/g, '_')}`;

/** The key of the optional comment under a criterion's field. */
export const commentKeyOf = (code: string): string => `${fieldKeyOf(code)}_comment`;

/** Every leaf of a table, in table order (depth first). */
export function leavesOf(table: Pick<ScoringTableDocument, 'groups'>): ScoringLeaf[] {
  const leaves: ScoringLeaf[] = [];
  const visit = (node: ScoringNode) => (isLeaf(node) ? leaves.push(node) : node.items.forEach(visit));
  table.groups.forEach(visit);
  return leaves;
}

/** Every branch (groups included), in table order. */
export function branchesOf(table: Pick<ScoringTableDocument, 'groups'>): ScoringBranch[] {
  const branches: ScoringBranch[] = [];
  const visit = (node: ScoringNode) => {
    if (isLeaf(node)) return;
    branches.push(node);
    node.items.forEach(visit);
  };
  table.groups.forEach(visit);
  return branches;
}

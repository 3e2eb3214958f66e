import { FormComponent, FormSchema } from '../../forms/form-schema';
import { formatPoints, formatQuantity, tableHundredths } from './points';
import { isLeaf, ScoringBranch, ScoringLeaf, ScoringNode, ScoringTableDocument, SheetEntry } from './scoring-table';
import { commentKeyOf, fieldKeyOf, leavesOf, textIn } from './table-text';

/**
 * The score sheet as a Form.io form, generated from a table, so that the sheet uses the same renderer, server
 * validation and drafts as every other form. One panel per group, a fieldset per branch, and per leaf a field
 * keyed `fieldKeyOf(code)` plus an optional comment (`<key>_comment`). Labels are the Vietnamese texts.
 */

const points = (value: number) => formatPoints(tableHundredths(value), 'vi');

/** What the label says about the points: the standard, the bonus limit or the largest deduction. */
function pointsNote(leaf: ScoringLeaf): string {
  switch (leaf.method) {
    case 'bonus':
      return `thưởng tối đa ${points(leaf.points)} điểm`;
    case 'penalty':
      return `trừ tối đa ${points(leaf.points)} điểm`;
    case 'proportional':
      return leaf.exceedCap === undefined ? `${points(leaf.points)} điểm` : `${points(leaf.points)} điểm, tối đa ${points(leaf.exceedCap)} khi vượt chỉ tiêu`;
    default:
      return `${points(leaf.points)} điểm`;
  }
}

const labelOf = (leaf: ScoringLeaf) => `${leaf.code}. ${textIn(leaf.text, 'vi')} (${pointsNote(leaf)})`;

/** Custom properties the sheet page reads (which criterion, and whether it needs evidence); Form.io ignores them. */
const propertiesOf = (leaf: ScoringLeaf) => ({ scoringCode: leaf.code, scoringMethod: leaf.method, evidence: leaf.evidence ?? 'optional' });

function numberField(key: string, label: string, validate: Record<string, unknown>, extra: FormComponent = {}): FormComponent {
  return { type: 'number', key, label, input: true, tableView: true, delimiter: false, requireDecimal: false, decimalLimit: 2, validate, ...extra };
}

/** full / bonus / penalty: points (or the deduction) 0 … points; bonus and penalty default to 0 and may stay empty. */
function amountField(leaf: ScoringLeaf): FormComponent {
  const optional = leaf.method === 'bonus' || leaf.method === 'penalty';
  const extra: FormComponent = { properties: propertiesOf(leaf), ...(leaf.hint ? { description: textIn(leaf.hint, 'vi') } : {}), ...(optional ? { defaultValue: 0 } : {}) };
  return numberField(fieldKeyOf(leaf.code), labelOf(leaf), { required: !optional, min: 0, max: leaf.points }, extra);
}

function binaryField(leaf: ScoringLeaf): FormComponent {
  return {
    type: 'checkbox',
    key: fieldKeyOf(leaf.code),
    label: labelOf(leaf),
    input: true,
    tableView: true,
    defaultValue: false,
    properties: propertiesOf(leaf),
    ...(leaf.hint ? { description: textIn(leaf.hint, 'vi') } : {}),
  };
}

/** How the points are computed, shown under a proportional criterion. */
function proportionalNote(leaf: ScoringLeaf): string {
  const target = leaf.target === undefined ? 'chỉ tiêu do đơn vị nhập' : `chỉ tiêu ${formatQuantity(tableHundredths(leaf.target), 'vi')}`;
  const rule = `Điểm = kết quả đạt được / ${target} × ${points(leaf.points)}, làm tròn nửa lên đến 0,01`;
  return leaf.hint ? `${rule}. ${textIn(leaf.hint, 'vi')}` : rule;
}

/** proportional: a container with the achieved quantity, and the target when the table leaves it to the scorer. */
function proportionalField(leaf: ScoringLeaf): FormComponent {
  const components = [numberField('achieved', 'Kết quả đạt được', { required: true, min: 0 })];
  if (leaf.target === undefined) components.push(numberField('target', 'Chỉ tiêu', { required: true, min: 0.01 }));
  return {
    type: 'container',
    key: fieldKeyOf(leaf.code),
    label: labelOf(leaf),
    input: true,
    tableView: false,
    hideLabel: false,
    description: proportionalNote(leaf),
    properties: propertiesOf(leaf),
    components,
  };
}

const commentField = (leaf: ScoringLeaf): FormComponent => ({
  type: 'textarea',
  key: commentKeyOf(leaf.code),
  label: `Nhận xét, minh chứng (${leaf.code})`,
  input: true,
  tableView: false,
  rows: 2,
  validate: { required: false, maxLength: 5000 },
});

function leafComponents(leaf: ScoringLeaf): FormComponent[] {
  const field = leaf.method === 'binary' ? binaryField(leaf) : leaf.method === 'proportional' ? proportionalField(leaf) : amountField(leaf);
  return [field, commentField(leaf)];
}

/** Layout keys of branches: `g_` + the code's key, apart from the `c_` field keys. */
const layoutKeyOf = (code: string) => `g_${fieldKeyOf(code).slice(2)}`;

const branchTitle = (branch: ScoringBranch) => `${branch.code}. ${textIn(branch.text, 'vi')}${branch.cap === undefined ? '' : ` (tối đa ${points(branch.cap)} điểm)`}`;

function nodeComponents(node: ScoringNode): FormComponent[] {
  if (isLeaf(node)) return leafComponents(node);
  return [{ type: 'fieldset', key: layoutKeyOf(node.code), legend: branchTitle(node), label: branchTitle(node), input: false, components: node.items.flatMap(nodeComponents) }];
}

function groupPanel(group: ScoringBranch): FormComponent {
  const title = branchTitle(group);
  return { type: 'panel', key: layoutKeyOf(group.code), title, label: title, input: false, collapsible: false, components: group.items.flatMap(nodeComponents) };
}

/** The score sheet form of a table; `tableKey` names it (`scoring/<tableKey>`). */
export function scoringTableForm(table: ScoringTableDocument, tableKey: string): FormSchema {
  return {
    title: `Phiếu chấm điểm: ${textIn(table.name, 'vi')}`,
    name: tableKey.replace(/\//g, '-'),
    path: `scoring/${tableKey}`,
    display: 'form',
    type: 'form',
    tags: ['scoring'],
    ...(table.description ? { description: textIn(table.description, 'vi') } : {}),
    components: [
      ...table.groups.map(groupPanel),
      { type: 'button', key: 'submit', label: 'Gửi', action: 'submit', input: true, theme: 'primary', disableOnInvalid: true, tableView: false },
    ],
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The sheet entries of submitted form data: the inverse of scoringTableForm. A field left empty gives no entry
 * (scoreSheet then reports SCORE_MISSING, or counts 0 for bonus and penalty); values are passed on as they are
 * so that scoreSheet, not this mapping, judges them. Keys the table does not know are ignored here.
 */
export function entriesFromFormData(table: ScoringTableDocument, data: Record<string, unknown>): SheetEntry[] {
  const entries: SheetEntry[] = [];
  for (const leaf of leavesOf(table)) {
    const entry: SheetEntry = { code: leaf.code };
    const value = data[fieldKeyOf(leaf.code)];
    if (leaf.method === 'proportional') {
      if (isObject(value) && !isEmpty(value.achieved)) entry.achieved = value.achieved as number;
      if (isObject(value) && !isEmpty(value.target) && leaf.target === undefined) entry.target = value.target as number;
    } else if (!isEmpty(value)) {
      entry.value = value as number | boolean;
    }
    const comment = data[commentKeyOf(leaf.code)];
    if (typeof comment === 'string' && comment.trim() !== '') entry.comment = comment;
    if (Object.keys(entry).length > 1) entries.push(entry);
  }
  return entries;
}

/** The form data of a sheet's entries (to show a stored sheet again): the inverse of entriesFromFormData. */
export function formDataFromEntries(table: ScoringTableDocument, entries: SheetEntry[]): Record<string, unknown> {
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  const data: Record<string, unknown> = {};
  for (const leaf of leavesOf(table)) {
    const entry = byCode.get(leaf.code);
    if (!entry) continue;
    const key = fieldKeyOf(leaf.code);
    if (leaf.method === 'proportional') {
      data[key] = { ...(entry.achieved !== undefined ? { achieved: entry.achieved } : {}), ...(entry.target !== undefined ? { target: entry.target } : {}) };
    } else if (entry.value !== undefined) {
      data[key] = entry.value;
    }
    if (entry.comment) data[commentKeyOf(leaf.code)] = entry.comment;
  }
  return data;
}

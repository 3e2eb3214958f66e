import { Text } from '../../common/i18n/language';
import { LocalText, localText, StageDefinition, WorkflowDocument } from '../definitions/workflow-document';

/** How refusals name the parts of a workflow: in every language (`{ vi, en }`), never by key. */

/** A stage's name; its key when the definition gives it none. */
export function stageNameText(stage: StageDefinition | undefined, key: string): Text {
  return textOf(stage?.name, key);
}

/** The name of the stage `key` of a pinned workflow document. */
export const stageNameIn = (document: WorkflowDocument, key: string): Text => stageNameText(document.stages[key], key);

/** A workflow's name from its published document, or the definition's name. */
export const workflowNameText = (document: WorkflowDocument | undefined, definitionName: string): Text => textOf(document?.name, definitionName);

/** What a workflow runs for, as a refusal says it ("runs for a cluster"). */
export const SUBJECT_WORDS: Record<'cluster' | 'unit', Text> = {
  cluster: { vi: 'cụm thi đua', en: 'cluster' },
  unit: { vi: 'đơn vị', en: 'unit' },
};

const textOf = (text: LocalText | undefined, fallback: string): Text => ({ vi: localText(text, fallback, 'vi'), en: localText(text, fallback, 'en') });

import { Language } from '../../../common/i18n/language';
import { DUE_RULE_SCHEMA, WORKFLOW_DOCUMENT_SCHEMA } from '../../definitions/workflow-document.schema';
import { ROLE_ASSIGNEE_TEXTS, STAGE_TYPE_TEXTS } from '../../web/workflow-web-texts';

/** One word the editor's completion offers, with what it means in the reader's language. */
export interface VocabularyWord {
  value: string;
  label?: string;
}

/** What the editor's JSON completion suggests; read from the document's schema so the two never disagree. */
export interface WorkflowVocabulary {
  documentKeys: VocabularyWord[];
  stageKeys: VocabularyWord[];
  dueKeys: VocabularyWord[];
  stageTypes: VocabularyWord[];
  assignees: VocabularyWord[];
  enums: Record<'subject' | 'fanOut' | 'onDeadline', VocabularyWord[]>;
}

const STAGE = WORKFLOW_DOCUMENT_SCHEMA.properties.stages.additionalProperties;
const words = (values: readonly string[]): VocabularyWord[] => values.map((value) => ({ value }));

export function workflowVocabulary(language: Language, stageTypes: string[]): WorkflowVocabulary {
  return {
    documentKeys: words(Object.keys(WORKFLOW_DOCUMENT_SCHEMA.properties)),
    stageKeys: words(Object.keys(STAGE.properties)),
    dueKeys: words(DUE_RULE_SCHEMA.oneOf.flatMap((rule) => rule.required)),
    stageTypes: stageTypes.map((type) => ({ value: type, label: STAGE_TYPE_TEXTS[type]?.[language] })),
    assignees: STAGE.properties.assignees.items.oneOf[0].enum.map((role) => ({ value: role, label: ROLE_ASSIGNEE_TEXTS[role]?.[language] })),
    enums: {
      subject: words(WORKFLOW_DOCUMENT_SCHEMA.properties.subject.enum),
      fanOut: words(STAGE.properties.fanOut.enum),
      onDeadline: words(STAGE.properties.onDeadline.enum),
    },
  };
}

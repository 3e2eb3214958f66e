import type { WorkflowDocument } from '../definitions/workflow-document';
import { stageNameIn, workflowNameText } from './refusal-words';

const document: WorkflowDocument = {
  name: 'Giao ước',
  start: 'draft',
  stages: {
    draft: { type: 'form', name: { vi: 'Soạn dự thảo', en: 'Draft the pact' } },
    sign: { type: 'sign', name: 'Ký giao ước' },
    end: { type: 'end' },
  },
};

describe('stageNameIn', () => {
  it('names a stage in each language, English falling back to Vietnamese', () => {
    expect(stageNameIn(document, 'draft')).toEqual({ vi: 'Soạn dự thảo', en: 'Draft the pact' });
    expect(stageNameIn(document, 'sign')).toEqual({ vi: 'Ký giao ước', en: 'Ký giao ước' });
  });
  it('keeps the key of a stage without a name, or not in the document', () => {
    expect(stageNameIn(document, 'end')).toEqual({ vi: 'end', en: 'end' });
    expect(stageNameIn(document, 'gone')).toEqual({ vi: 'gone', en: 'gone' });
  });
});

describe('workflowNameText', () => {
  it("names a workflow by its document's name, else the definition's", () => {
    expect(workflowNameText(document, 'pact')).toEqual({ vi: 'Giao ước', en: 'Giao ước' });
    expect(workflowNameText({ ...document, name: { vi: 'Giao ước', en: 'Pact' } }, 'pact')).toEqual({ vi: 'Giao ước', en: 'Pact' });
    expect(workflowNameText(undefined, 'Tổng kết năm')).toEqual({ vi: 'Tổng kết năm', en: 'Tổng kết năm' });
  });
});

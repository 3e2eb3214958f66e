import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import english from '@formio/js/lib/cjs/translations/en';

/**
 * public/i18n/formio.vi.json is handed to Form.io as `i18n: { vi: <file> }` with `language: 'vi'`, for the
 * renderer (officers filling forms) and the builder (administrators designing them). Form.io's I18n.t(text)
 * looks up `vi[text]`, but when `text` is an identifier of en.js (e.g. `cancel`) whose English text is
 * itself a key of the file (`Cancel`), it returns `vi['Cancel']` instead; so the two must read alike.
 * The renderer looks messages up by identifier (`required`, `submit`...), the builder mostly by the
 * English text (sidebar groups, component titles, edit-form labels, tooltips and tabs).
 */
const vi = JSON.parse(readFileSync(join(__dirname, '../../../public/i18n/formio.vi.json'), 'utf8')) as Record<string, unknown>;
const en = english as unknown as Record<string, string>;
const translations = Object.entries(vi);
const text = (key: string): string => vi[key] as string;

const placeholders = (s: string): string[] => s.match(/\{\{[^{}]*\}\}/g) ?? [];

/** en.js keys that only reach the console or a developer (deprecations, misconfiguration), left in English. */
const DEVELOPER_ONLY = [
  'stripe', 'saveDraftInstanceError', 'restoreDraftInstanceError', 'formNotReady', 'noFormElement', 'missingUrl',
  'loadingProjectSettingsError', 'sessionStorageSupportError', 'noDragInfoError', 'addonSupportTypeError', 'setPathError',
  'calculatedPathDeprecation', 'unknownTemplate', 'renderTemplateFunctionDeprecation', 'whenReadyDeprecation',
  'loadResourcesError', 'noSelectDataConfiguration', 'indexedDBSupportError', 'caretPositionSavingError',
  'iteratableRowsError', 'checkRowDeprecation', 'noOAuthBtn', 'noOAuthFormUrl', 'componentInvalidRowValidation',
  'videoPlayerNotFound', 'noDelimiterSet', 'noSiteKey', 'failedToNormalize', 'failedToCompareItems', 'editorFocusError',
  'quillImageUploadFailed', 'needConfigurationForQuill',
];

/** Values that are the same in Vietnamese as in English (names of technologies, and a pure placeholder). */
const SAME_AS_ENGLISH = ['typeCount', 'Email', 'API', 'Logic', 'HTML', 'JSON', 'URL', 'JavaScript', 'JSONLogic', 'JSON Logic'];

const MUST_HAVE = [
  // renderer (identifiers)
  'required', 'submit', 'cancel', 'next', 'previous', 'addAnother', 'remove', 'invalid_email', 'min', 'max', 'minLength',
  'maxLength', 'pattern', 'select', 'error', 'submitError', 'complete', 'save', 'edit', 'confirmComponentRemove',
  'dragAndDropComponent', 'searchFields',
  // builder (English text)
  'Label', 'Display', 'Data', 'Validation', 'API', 'Conditional', 'Logic', 'Save', 'Cancel', 'Remove', 'Preview', 'Basic',
  'Advanced', 'Layout', 'Text Field', 'Placeholder', 'Required', 'Property Name', 'Default Value',
];

describe('Form.io Vietnamese translation (public/i18n/formio.vi.json)', () => {
  it('is one flat object of non-empty NFC strings', () => {
    expect(vi).not.toBeNull();
    expect(Array.isArray(vi)).toBe(false);
    expect(translations.length).toBeGreaterThanOrEqual(300);
    for (const [key, value] of translations) {
      expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
      const s = value as string;
      expect({ key, empty: s.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, nfc: s === s.normalize('NFC') }).toEqual({ key, nfc: true });
      expect({ key, nfc: key === key.normalize('NFC') }).toEqual({ key, nfc: true });
    }
  });

  it('has every must-have renderer and builder key', () => {
    expect(MUST_HAVE.filter((key) => typeof vi[key] !== 'string')).toEqual([]);
    expect(text('required')).toBe('{{field}} là bắt buộc');
    expect(text('min')).toBe('{{field}} không được nhỏ hơn {{min}}.');
  });

  it('keeps every {{ placeholder }} of the English text, exactly as written', () => {
    const missing: string[] = [];
    for (const [key, value] of translations) {
      const source = Object.prototype.hasOwnProperty.call(en, key) ? en[key] : key;
      for (const p of placeholders(source)) if (!(value as string).includes(p)) missing.push(`${key}: ${p}`);
      const v = value as string;
      if ((v.match(/\{\{/g) ?? []).length !== (v.match(/\}\}/g) ?? []).length) missing.push(`${key}: unbalanced braces`);
    }
    expect(missing).toEqual([]);
  });

  it('translates every renderer key of en.js a user can see', () => {
    expect(Object.keys(en).length).toBeGreaterThan(200);
    const untranslated = Object.keys(en).filter((key) => !DEVELOPER_ONLY.includes(key) && typeof vi[key] !== 'string');
    expect(untranslated).toEqual([]);
  });

  it('reads the same whether Form.io finds a message by identifier or by its English text', () => {
    const differing = Object.entries(en)
      .filter(([id, english]) => typeof vi[id] === 'string' && typeof vi[english] === 'string' && vi[id] !== vi[english])
      .map(([id, english]) => `${id} / ${english}`);
    expect(differing).toEqual([]);
  });

  it('leaves nothing in English by mistake', () => {
    const same = translations
      .filter(([key, value]) => value === (Object.prototype.hasOwnProperty.call(en, key) ? en[key] : key))
      .map(([key]) => key)
      .filter((key) => !SAME_AS_ENGLISH.includes(key));
    expect(same).toEqual([]);
  });
});

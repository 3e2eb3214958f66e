import { builtinFormSyncAction } from './builtin-forms';

describe('builtinFormSyncAction', () => {
  const file = 'f2';
  const state = (over: Partial<{ builtIn: boolean; latestHash: string | null; sourceHash: string | null; draftPending: boolean }>) => ({
    builtIn: true,
    latestHash: 'f1',
    sourceHash: 'f1',
    draftPending: false,
    ...over,
  });

  it.each([
    ['no form holds the key', null, 'create'],
    ["an administrator's own form holds the key", state({ builtIn: false }), 'skip'],
    ['the file was applied already', state({ latestHash: 'f2', sourceHash: 'f2' }), 'unchanged'],
    ['the file was applied, then an administrator published an edit', state({ latestHash: 'a1', sourceHash: 'f2' }), 'unchanged'],
    ['the latest version already has the file content (row from before sourceHash)', state({ latestHash: 'f2', sourceHash: null }), 'unchanged'],
    ['the file changed and nobody edited the form', state({}), 'publish'],
    ['the file changed and the row predates sourceHash', state({ sourceHash: null }), 'publish'],
    ['the file changed after an administrator published an edit', state({ latestHash: 'a1' }), 'customised'],
    ['the file changed while an administrator has an unpublished draft', state({ draftPending: true }), 'customised'],
  ] as const)('%s → %s', (_case, current, expected) => {
    expect(builtinFormSyncAction(file, current)).toBe(expected);
  });
});

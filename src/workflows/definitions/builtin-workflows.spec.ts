import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../common/hashing/canonical-json';
import { StageRegistry } from '../stages/stage-registry';
import { builtinSyncAction, formatSyncReport, readBuiltinWorkflows } from './builtin-workflows';
import { validateWorkflow } from './validate-workflow';

describe('builtinSyncAction', () => {
  const hash = contentHash({ a: 1 });

  it('creates a definition for a new key', () => {
    expect(builtinSyncAction(hash, null)).toBe('create');
  });

  it('publishes when the file differs from the latest version, or nothing was published yet', () => {
    expect(builtinSyncAction(hash, { builtIn: true, latestHash: contentHash({ a: 2 }) })).toBe('publish');
    expect(builtinSyncAction(hash, { builtIn: true, latestHash: null })).toBe('publish');
  });

  it('changes nothing when the file is the latest version, whatever its key order or spacing', () => {
    expect(builtinSyncAction(contentHash(JSON.parse('{ "b": [1, 2], "a": 1 }')), { builtIn: true, latestHash: contentHash({ a: 1, b: [1, 2] }) })).toBe('unchanged');
  });

  it("leaves an administrator's own definition with the same key alone", () => {
    expect(builtinSyncAction(hash, { builtIn: false, latestHash: null })).toBe('skip');
  });
});

describe('readBuiltinWorkflows', () => {
  it('ships a valid cluster-pact-review workflow keyed by its file name', () => {
    const files = readBuiltinWorkflows();
    const pact = files.find((f) => f.key === 'cluster-pact-review');
    expect(pact).toBeDefined();
    expect(pact!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(pact!.document.stages)).toEqual(['draft-review', 'acknowledge', 'cool-off', 'done']);
    for (const file of files) expect(validateWorkflow(file.document, new StageRegistry())).toEqual([]);
  });

  it('reads only *.workflow.json files, in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-workflows-'));
    try {
      writeFileSync(join(dir, 'b-flow.workflow.json'), '{"name":"B","start":"x","stages":{}}');
      writeFileSync(join(dir, 'a-flow.workflow.json'), '{"name":"A","start":"x","stages":{}}');
      writeFileSync(join(dir, 'notes.json'), '{}');
      expect(readBuiltinWorkflows(dir).map((f) => f.key)).toEqual(['a-flow', 'b-flow']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatSyncReport', () => {
  it('says what changed for each workflow', () => {
    const report = formatSyncReport([
      { key: 'cluster-pact-review', action: 'unchanged', version: 1 },
      { key: 'unit-report', action: 'publish', version: 3 },
    ]);
    expect(report).toContain('cluster-pact-review');
    expect(report).toMatch(/unit-report\s+đã thay đổi, phiên bản 3/);
    expect(report).toMatch(/không đổi \(phiên bản 1\)/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { knowledgeBaseOf } from '../../bot/features/content/liveKnowledge';
import { readBuiltEntries } from '../../knowledge/builtEntries';
import { loadContent } from '../../knowledge/contentLoader';
import { readKnowledgeBase, saveKnowledgeBase } from '../../knowledge/knowledgeBaseFile';

describe("reading a built knowledge base's entries without its index", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-built-entries-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same entries and content hash as loading the whole file', () => {
    const file = path.join(dir, 'kb.json');
    saveKnowledgeBase(knowledgeBaseOf(loadContent().entries.slice(0, 12)), file);
    const whole = readKnowledgeBase(file)!;
    expect(readBuiltEntries(file)).to.deep.equal({ entries: whole.entries, contentHash: whole.contentHash });
  });

  it('gives nothing for a missing or damaged file', () => {
    const damaged = path.join(dir, 'damaged.json');
    saveKnowledgeBase(knowledgeBaseOf(loadContent().entries.slice(0, 3)), damaged);
    fs.writeFileSync(damaged, fs.readFileSync(damaged, 'utf8').replace('"format":', '"format":1'));
    expect(readBuiltEntries(path.join(dir, 'missing.json'))).to.equal(undefined);
    expect(readBuiltEntries(damaged)).to.equal(undefined);
  });
});

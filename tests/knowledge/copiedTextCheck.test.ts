import { expect } from 'chai';
import { findCopiedText } from '../../knowledge/copiedTextCheck';
import { loadContent } from '../../knowledge/contentLoader';
import { FIXTURE_CONTENT_DIR } from '../helpers/fixtureKnowledge';

describe('findCopiedText', () => {
  const entries = loadContent(FIXTURE_CONTENT_DIR).entries;

  it('flags an entry that repeats eight words of a source', () => {
    const source = { name: 'seed.txt', text: 'Elsewhere: the beta coordinator keeps everyone informed and is the main contact.' };
    const problems = findCopiedText(entries, [source]);
    expect(problems.map((p) => p.file)).to.deep.equal(['beta-coordinator.md']);
    expect(problems[0].message).to.match(/seed\.txt/);
  });

  it('passes text that shares fewer than eight words in a row', () => {
    const source = { name: 'seed.txt', text: 'The beta coordinator keeps people informed.' };
    expect(findCopiedText(entries, [source])).to.deep.equal([]);
  });

  it('allows official names such as the ECM outcomes', () => {
    const source = { name: 'seed.txt', text: 'outcomes: be healthy and stay safe and enjoy and achieve' };
    expect(findCopiedText(entries, [source], 4)).to.deep.equal([]);
  });
});

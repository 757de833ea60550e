import { expect } from 'chai';
import { entryToMarkdown } from '../../../../bot/features/content/entryMarkdown';
import { loadContent, parseEntryFile } from '../../../../knowledge/contentLoader';

describe('entry Markdown', () => {
  it('writes every shipped entry so that reading it back gives the same entry', () => {
    const { entries } = loadContent();
    expect(entries.length).to.be.greaterThan(100);
    for (const entry of entries) {
      const back = parseEntryFile(`${entry.id}.md`, entryToMarkdown(entry));
      expect(back.problems, entry.id).to.deep.equal([]);
      expect(back.entry, entry.id).to.deep.equal(entry);
    }
  });

  it('keeps text that looks like YAML or HTML as text', () => {
    const { entries } = loadContent();
    const tricky = {
      ...entries[0],
      title: 'review_by: 1999-01-01 <script>alert(1)</script>',
      summary: '--- "quoted" # not a comment',
      body: '---\nstill the body',
    };
    const back = parseEntryFile(`${tricky.id}.md`, entryToMarkdown(tricky));
    expect(back.entry).to.deep.equal(tricky);
  });
});

import { expect } from 'chai';
import { headingsAsBold, openingOf, pagesOf } from '../../../dialogs/briefings/briefingText';

describe('briefing text for Teams cards', () => {
  it('turns Markdown headings into bold lines, leaving other Markdown alone', () => {
    expect(headingsAsBold('## What changes\nMore on **CAF**.\n# Top ##\n#hashtag')).to.equal('**What changes**\nMore on **CAF**.\n**Top**\n#hashtag');
  });

  it('opens a long body at a natural break', () => {
    const opening = openingOf(`${'First sentence here. '.repeat(40)}`, 100);
    expect(opening.length).to.be.at.most(101);
    expect(opening).to.match(/here\.\u2026$/);
  });

  it('pages a long body without losing or reordering a word, each page within its byte budget', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}\u00e9`);
    const body = words.join(' ');
    const pages = pagesOf(body, 5000);
    expect(pages.length).to.be.greaterThan(2);
    for (const page of pages) expect(Buffer.byteLength(page)).to.be.at.most(5000);
    expect(pages.join(' ').split(/\s+/)).to.deep.equal(words);
  });
});

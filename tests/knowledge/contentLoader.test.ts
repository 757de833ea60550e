import { expect } from 'chai';
import { ContentProblem, loadContent, parseEntryFile, throwOnErrors } from '../../knowledge/contentLoader';
import { FIXTURE_CONTENT_DIR } from '../helpers/fixtureKnowledge';

const VALID = `---
id: sample
title: Sample
kind: glossary
acronyms: []
aliases: []
tags: [test]
summary: A summary.
source: "Test, section 1"
authority: national
owner: Test Team
review_by: 2030-01-01
status: current
related: []
---
Body text.
`;

describe('contentLoader', () => {
  it('loads every fixture entry with no problems', () => {
    const { entries, problems } = loadContent(FIXTURE_CONTENT_DIR);
    expect(problems).to.deep.equal([]);
    expect(entries.map((e) => e.id)).to.include.members(['alpha-plan', 'beta-coordinator', 'gamma-council']);
    const gamma = entries.find((e) => e.id === 'gamma-council');
    expect(gamma?.status).to.equal('closed');
    expect(gamma?.statusNote).to.match(/2012/);
    expect(gamma?.reviewBy).to.equal('2020-01-01');
  });

  it('parses a valid file', () => {
    const { entry, problems } = parseEntryFile('/x/sample.md', VALID);
    expect(problems).to.deep.equal([]);
    expect(entry?.body).to.equal('Body text.');
  });

  const broken: [string, string, RegExp][] = [
    ['no front matter', 'just text', /no YAML front matter/],
    ['invalid YAML', VALID.replace('title: Sample', 'title: [unclosed'), /not valid YAML/],
    ['a missing field', VALID.replace('owner: Test Team\n', ''), /owner/],
    ['an unknown kind', VALID.replace('kind: glossary', 'kind: recipe'), /kind/],
    ['an unknown authority', VALID.replace('authority: national', 'authority: narnia'), /authority/],
    ['a bad date', VALID.replace('review_by: 2030-01-01', 'review_by: next year'), /review_by/],
    ['a closed entry without a note', VALID.replace('status: current', 'status: closed'), /status_note/],
    ['a long summary', VALID.replace('summary: A summary.', `summary: ${'x'.repeat(401)}`), /400/],
    ['an id that is not the file name', VALID.replace('id: sample', 'id: other'), /file name/],
    ['an unknown field', VALID.replace('status: current', 'status: current\ncolour: blue'), /colour|unrecognized|Unrecognized/i],
    ['an empty body', VALID.replace('Body text.\n', ''), /body is empty/],
  ];
  for (const [name, raw, message] of broken) {
    it(`reports ${name}`, () => {
      const { problems } = parseEntryFile('/x/sample.md', raw);
      expect(problems.map((p) => p.message).join(' | ')).to.match(message);
      expect(problems.every((p) => p.level === 'error')).to.equal(true);
    });
  }
});

describe('throwOnErrors', () => {
  const warning: ContentProblem = { level: 'warning', file: 'a.yaml', message: 'review date passed' };
  const error = (i: number): ContentProblem => ({ level: 'error', file: `e${i}.yaml`, message: `broken ${i}` });

  it('lets warnings through', () => {
    expect(() => throwOnErrors([warning], 'The knowledge content', 'dir')).to.not.throw();
  });

  it('names the content, counts the errors and lists the first ten', () => {
    const errors = Array.from({ length: 12 }, (_, i) => error(i + 1));
    expect(() => throwOnErrors([warning, ...errors], 'The training catalogue', 'knowledge/training'))
      .to.throw(/^The training catalogue in knowledge\/training: 12 error\(s\); run npm run kb:check/)
      .with.property('message')
      .that.includes('  e10.yaml: broken 10')
      .and.not.includes('e11.yaml')
      .and.not.includes('a.yaml');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadCatalogue } from '../../../knowledge/training/catalogueLoader';

/** Writes a catalogue folder with the given YAML files. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'training-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const COURSE = `courses:
  - id: caf
    title: CAF training
    summary: How to do a CAF.
    provider: Test provider
    contact: test@example.org
    booking_url: https://example.org/book/caf
    audience: { sectors: [all] }
    level: introductory
    delivery: online
    duration: 2 hours
    mandatory:
      - roles: [social-worker]
        within_months: 6
`;

const session = (extra: string) => `sessions:
  - id: caf-1
    course: caf
    start: 2027-01-14T09:30
    end: 2027-01-14T12:30
    timezone: Europe/London
    places_left: 4
${extra}`;

describe('loadCatalogue', () => {
  it('reads courses and sessions, with local times in their zone', () => {
    const { catalogue, problems } = loadCatalogue(folder({ 'courses.yaml': COURSE, 'sessions.yaml': session('    online: true\n') }));
    expect(problems).to.deep.equal([]);
    expect(catalogue.courses.map((c) => c.id)).to.deep.equal(['caf']);
    expect(catalogue.courses[0].mandatory).to.deep.equal([{ roles: ['social-worker'], withinMonths: 6 }]);
    const [s] = catalogue.sessions;
    expect(s.start.toISO()).to.equal('2027-01-14T09:30:00.000+00:00');
    expect(s.end.zoneName).to.equal('Europe/London');
    expect(s).to.include({ online: true, placesLeft: 4, cancelled: false });
  });

  it('reads a summer session as BST', () => {
    const summer = session('    online: true\n').replace(/2027-01-14/g, '2027-06-14');
    const { catalogue } = loadCatalogue(folder({ 'courses.yaml': COURSE, 'sessions.yaml': summer }));
    expect(catalogue.sessions[0].start.toUTC().toISO()).to.equal('2027-06-14T08:30:00.000Z');
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown time zone', session('    online: true\n').replace('Europe/London', 'Europe/Londres'), /"Europe\/Londres" is not a time zone/],
    [
      'a time lost to the clocks going forward',
      session('    online: true\n').replace('2027-01-14T09:30', '2027-03-28T01:30'),
      /does not exist in Europe\/London/,
    ],
    ['a date that is not real', session('    online: true\n').replace('2027-01-14T09:30', '2027-02-30T09:30'), /not a real date/],
    ['a time written with seconds and an offset', session('    online: true\n').replace('2027-01-14T09:30', '2027-01-14T09:30:00Z'), /YYYY-MM-DDTHH:mm/],
    ['neither online nor a venue', session(''), /either online: true or a venue/],
    ['both online and a venue', session('    online: true\n    venue: Hall\n'), /either online: true or a venue/],
    ['negative places', session('    online: true\n').replace('places_left: 4', 'places_left: -1'), /places_left/],
    ['an unknown field', session('    online: true\n    colour: red\n'), /colour|unrecognized/i],
  ];
  for (const [name, sessions, message] of bad) {
    it(`reports ${name} and leaves the session out`, () => {
      const { catalogue, problems } = loadCatalogue(folder({ 'courses.yaml': COURSE, 'sessions.yaml': sessions }));
      expect(problems.map((p) => `${p.level} ${p.file} ${p.message}`).join('\n')).to.match(message);
      expect(problems.every((p) => p.level === 'error' && p.file === 'sessions.yaml')).to.equal(true);
      expect(catalogue.sessions).to.deep.equal([]);
    });
  }

  it('reports a course with a missing field by its id, keeping the others', () => {
    const two = `${COURSE}  - id: broken\n    title: Broken\n`;
    const { catalogue, problems } = loadCatalogue(folder({ 'courses.yaml': two, 'sessions.yaml': 'sessions: []\n' }));
    expect(catalogue.courses.map((c) => c.id)).to.deep.equal(['caf']);
    expect(problems.map((p) => p.message).join('\n')).to.match(/course broken\.summary/);
  });

  it('reports YAML that does not parse, and a missing file', () => {
    const { problems } = loadCatalogue(folder({ 'courses.yaml': 'courses: [\n' }));
    expect(problems.map((p) => `${p.file}: ${p.message}`)).to.include.members(['sessions.yaml: the file does not exist']);
    expect(problems.find((p) => p.file === 'courses.yaml')?.message).to.match(/not valid YAML/);
  });
});

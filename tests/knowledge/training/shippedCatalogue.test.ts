import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { COURSES_FILE, DEFAULT_TRAINING_DIR, loadCatalogue, SESSIONS_FILE } from '../../../knowledge/training/catalogueLoader';
import { validateCatalogue } from '../../../knowledge/training/catalogueValidator';
import { shippedKnowledgeBase } from '../../helpers/testServices';

describe('the shipped sample training catalogue', () => {
  const { catalogue, problems } = loadCatalogue();
  const now = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

  it('loads and validates with no errors against the knowledge base', () => {
    const checks = validateCatalogue(catalogue, { now, entryIds: new Set(shippedKnowledgeBase().entries.map((e) => e.id)) });
    expect([...problems, ...checks].filter((p) => p.level === 'error')).to.deep.equal([]);
  });

  it('says it is sample data, in each file and in every provider and contact', () => {
    for (const file of [COURSES_FILE, SESSIONS_FILE]) expect(fs.readFileSync(path.join(DEFAULT_TRAINING_DIR, file), 'utf8')).to.match(/^# SAMPLE DATA/);
    expect(catalogue.courses).to.not.be.empty;
    for (const course of catalogue.courses) {
      expect(course.provider, course.id).to.include('SAMPLE DATA');
      expect(course.contact, course.id).to.include('SAMPLE DATA');
    }
  });

  it('holds the training the local strategies name', () => {
    const ids = catalogue.courses.map((c) => c.id);
    expect(ids).to.include.members([
      'common-induction',
      'caf-lead-professional',
      'team-around-the-child',
      'safeguarding-level-1',
      'safeguarding-level-2',
      'safeguarding-level-3',
      'information-sharing',
      'key-worker',
      'leadership-management',
      'championing-children',
      'eyp-pathways',
      'level-3-qualifications',
      'youth-professional-status',
      'apprenticeships',
    ]);
    const induction = catalogue.courses.find((c) => c.id === 'common-induction')!;
    expect(induction.mandatory).to.deep.equal([{ roles: ['all'], withinMonths: 3 }]);
  });

  it('spreads sessions over the coming months, with some already past', () => {
    const months = new Set(catalogue.sessions.filter((s) => s.start > now).map((s) => s.start.toFormat('yyyy-LL')));
    expect([...months].sort()).to.deep.equal(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(catalogue.sessions.some((s) => s.start < now)).to.equal(true);
  });

  it('has a course with sessions either side of the clocks going forward on 28 March 2027', () => {
    const change = DateTime.fromISO('2027-03-28T01:00Z');
    const byCourse = new Map<string, { before: boolean; after: boolean }>();
    for (const s of catalogue.sessions) {
      const seen = byCourse.get(s.courseId) ?? { before: false, after: false };
      const days = Math.abs(s.start.diff(change, 'days').days);
      if (days < 14) {
        if (s.start < change) seen.before = true;
        else seen.after = true;
      }
      byCourse.set(s.courseId, seen);
    }
    expect([...byCourse.values()].some((v) => v.before && v.after)).to.equal(true);
  });
});

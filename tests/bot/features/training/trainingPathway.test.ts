import { expect } from 'chai';
import { computePathway, MandatoryItem } from '../../../../bot/features/training/trainingPathway';
import { Profile } from '../../../../bot/platform/store/profiles';
import { loadCatalogue } from '../../../../knowledge/training/catalogueLoader';
import { fixtureCourse, london } from './trainingFixtures';

const TODAY = london('2026-11-23T10:00');
const profile = (extra: Partial<Profile>): Profile => ({ userId: 'u1', topics: [], ...extra });
const item = (i: MandatoryItem) => `${i.course.id} ${i.due.toISODate()}${i.overdue ? ' overdue' : ''}`;

describe('computePathway', () => {
  const courses = [
    fixtureCourse({ id: 'induction', title: 'Induction', acronyms: [], aliases: [], mandatory: [{ roles: ['all'], withinMonths: 3 }] }),
    fixtureCourse({ id: 'caf', mandatory: [{ roles: ['social-worker', 'health-visitor'], withinMonths: 6 }] }),
    fixtureCourse({ id: 'sg3', title: 'Safeguarding 3', acronyms: [], aliases: [], mandatory: [{ roles: ['social-worker'], withinMonths: 1 }] }),
    fixtureCourse({ id: 'info', title: 'Information sharing', acronyms: [], aliases: [], mandatory: [{ roles: ['social-worker'], withinMonths: 12 }] }),
    fixtureCourse({ id: 'keywork', title: 'Key working', acronyms: [], aliases: [], audience: { sectors: ['health'], roles: ['social-worker'] } }),
    fixtureCourse({ id: 'eyp', title: 'EYP', acronyms: [], aliases: [], audience: { sectors: ['early-years-childcare'], roles: [] } }),
    fixtureCourse({ id: 'general', title: 'General', acronyms: [], aliases: [], audience: { sectors: ['all'], roles: [] } }),
    fixtureCourse({ id: 'managers', title: 'For managers', acronyms: [], aliases: [], audience: { sectors: ['all'], roles: ['manager'] } }),
  ];

  it('lists mandatory courses due after the start date, overdue first, then the soonest due', () => {
    const pathway = computePathway(profile({ sector: 'social-family-community', role: 'social-worker', startDate: '2026-09-01' }), courses, TODAY);
    if (pathway.kind !== 'pathway') throw new Error(`expected a pathway, got ${pathway.kind}`);
    expect(pathway.mandatory.map(item)).to.deep.equal(['sg3 2026-10-01 overdue', 'induction 2026-12-01', 'caf 2027-03-01', 'info 2027-09-01']);
  });

  it('counts a course due today as not yet overdue', () => {
    const pathway = computePathway(profile({ role: 'volunteer', startDate: '2026-08-23' }), courses, TODAY);
    if (pathway.kind !== 'pathway') throw new Error('expected a pathway');
    expect(pathway.mandatory.map(item)).to.deep.equal(['induction 2026-11-23']);
  });

  it('recommends courses for the role, then the sector, then everyone, leaving out mandatory ones', () => {
    const pathway = computePathway(profile({ sector: 'health', role: 'social-worker', startDate: '2026-09-01' }), courses, TODAY);
    if (pathway.kind !== 'pathway') throw new Error('expected a pathway');
    expect(pathway.recommended.map((c) => c.id)).to.deep.equal(['keywork', 'general']);
  });

  it('asks for a start date rather than guessing, still naming the mandatory courses', () => {
    const pathway = computePathway(profile({ sector: 'health', role: 'health-visitor' }), courses, TODAY);
    expect(pathway.kind).to.equal('noStartDate');
    if (pathway.kind !== 'noStartDate') return;
    expect(pathway.mandatory.map((c) => c.id)).to.deep.equal(['induction', 'caf']);
  });

  it('asks for settings when there is no profile or no role', () => {
    expect(computePathway(undefined, courses, TODAY).kind).to.equal('noProfile');
    expect(computePathway(profile({ sector: 'health' }), courses, TODAY).kind).to.equal('noProfile');
  });

  it('uses the tightest rule when two apply (everyone in 3 months, the role in 1)', () => {
    const both = [
      fixtureCourse({
        mandatory: [
          { roles: ['all'], withinMonths: 3 },
          { roles: ['teacher'], withinMonths: 1 },
        ],
      }),
    ];
    const pathway = computePathway(profile({ role: 'teacher', startDate: '2026-11-01' }), both, TODAY);
    if (pathway.kind !== 'pathway') throw new Error('expected a pathway');
    expect(pathway.mandatory.map(item)).to.deep.equal(['caf 2026-12-01']);
  });

  it('gives a social worker on the sample catalogue induction, level 3 safeguarding, CAF and information sharing', () => {
    const pathway = computePathway(
      profile({ sector: 'social-family-community', role: 'social-worker', startDate: '2026-06-01' }),
      loadCatalogue().catalogue.courses,
      TODAY,
    );
    if (pathway.kind !== 'pathway') throw new Error('expected a pathway');
    expect(pathway.mandatory.map(item)).to.deep.equal([
      'common-induction 2026-09-01 overdue',
      'caf-lead-professional 2026-12-01',
      'safeguarding-level-3 2026-12-01',
      'information-sharing 2027-06-01',
    ]);
  });
});

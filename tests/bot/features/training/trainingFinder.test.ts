import { expect } from 'chai';
import { TrainingFinder, TrainingFinding } from '../../../../bot/features/training/trainingFinder';
import { loadCatalogue } from '../../../../knowledge/training/catalogueLoader';
import { fixtureCatalogue, london } from './trainingFixtures';

const NOW = london('2026-11-23T10:00');

const describe_ = (f: TrainingFinding): string => {
  if (f.kind !== 'found') return f.kind;
  return `${f.how} ${f.listings.map((l) => `${l.course.id}[${l.sessions.map((s) => s.id).join(',')}]`).join(' ')}`;
};

describe('TrainingFinder', () => {
  const finder = new TrainingFinder(fixtureCatalogue());

  it('finds a course and its next sessions by topic', () => {
    expect(describe_(finder.find('where can I do CAF training', NOW))).to.equal('search caf[caf-later-today,caf-dec,caf-gmt]');
  });

  it('narrows the sessions to the dates and mode asked for', () => {
    expect(describe_(finder.find('CAF training next month', NOW))).to.equal('search caf[caf-dec]');
    expect(describe_(finder.find('online caf sessions in march', NOW))).to.equal('search caf[caf-gmt,caf-bst]');
  });

  it('reports a date it cannot read, only in a training question', () => {
    expect(finder.find('training on the 45th', NOW)).to.deep.equal({ kind: 'dateProblem', phrase: 'on the 45th' });
    expect(finder.find('what happened on the 45th', NOW).kind).to.equal('none');
  });

  it('lists every course with sessions in a window when no topic is given', () => {
    expect(describe_(finder.find('training in january', NOW))).to.equal('all tac[tac-jan]');
    const none = finder.find('training in august', NOW);
    expect(none.kind === 'found' && none.listings.length).to.equal(0);
  });

  it('follows "that" back to the last topic, through the entry\u2019s related entries when needed', () => {
    expect(describe_(finder.find('is there training for that?', NOW, { entryIds: ['tac'] }))).to.equal('context tac[tac-jan]');
    expect(describe_(finder.find('any courses on it?', NOW, { entryIds: ['ecm', 'caf'] }))).to.match(/^context caf\[/);
    expect(finder.find('is there training for that?', NOW, { entryIds: ['gscc'] }).kind).to.equal('noCourse');
    expect(finder.find('is there training for that?', NOW).kind).to.equal('needsTopic');
  });

  it('says when a training question matches no course, and stays out of other questions', () => {
    expect(finder.find('first aid training', NOW).kind).to.equal('noCourse');
    expect(finder.find('train times to leicester', NOW).kind).to.equal('none');
    const uncued = finder.find('CAF', NOW);
    expect(uncued.kind === 'found' && !uncued.cue && uncued.named).to.equal(true);
  });

  it('lists the courses for a role on the sample catalogue', () => {
    const sample = new TrainingFinder(loadCatalogue().catalogue);
    const found = sample.find('training for youth workers', NOW);
    expect(found.kind === 'found' && found.about).to.equal('for a youth worker');
    expect(describe_(found)).to.include('youth-professional-status[]');
  });
});

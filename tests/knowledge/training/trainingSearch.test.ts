import { expect } from 'chai';
import { loadCatalogue } from '../../../knowledge/training/catalogueLoader';
import { readTrainingQuery } from '../../../knowledge/training/trainingQuery';
import { TrainingSearch } from '../../../knowledge/training/trainingSearch';

describe('TrainingSearch', () => {
  const search = new TrainingSearch(loadCatalogue().catalogue.courses);
  const top = (question: string) => search.matches(readTrainingQuery(question).topicWords).map((m) => m.course.id);

  const cases: [string, string[]][] = [
    ['where can I do CAF training', ['caf-lead-professional']],
    ['lead professional course', ['caf-lead-professional']],
    ['TAC training', ['team-around-the-child']],
    ['keyworker training', ['key-worker']],
    ['safegaurding level 2 course', ['safeguarding-level-2']],
    ['early years professional sessions', ['eyp-pathways']],
    ['apprenticeships', ['apprenticeships']],
  ];
  for (const [question, expected] of cases) it(`finds ${expected.join(', ')} for "${question}"`, () => expect(top(question)).to.deep.equal(expected));

  it('offers every course that fits equally well ("safeguarding training" has three levels)', () => {
    expect(top('safeguarding training').sort()).to.deep.equal(['safeguarding-level-1', 'safeguarding-level-2', 'safeguarding-level-3']);
  });

  it('prefers the course the question names whole', () => {
    const ranked = search.rank(readTrainingQuery('level 3 training').topicWords);
    expect(
      ranked
        .slice(0, 2)
        .map((r) => r.course.id)
        .sort(),
    ).to.deep.equal(['level-3-qualifications', 'safeguarding-level-3']);
    expect(top('level 3 training')).to.deep.equal(['level-3-qualifications']);
  });

  it('does not match on a number alone ("first aid" reads as "1 aid")', () => {
    expect(top('first aid training')).to.deep.equal([]);
  });

  it('finds nothing for topics no course covers', () => {
    expect(top('fire safety course')).to.deep.equal([]);
    expect(top('excel for beginners')).to.deep.equal([]);
  });
});

describe('readTrainingQuery', () => {
  it('separates the cue, the mode and the topic', () => {
    expect(readTrainingQuery('any online CAF sessions?')).to.deep.equal({
      cue: true,
      mode: 'online',
      backReference: false,
      role: undefined,
      topicWords: ['caf'],
    });
    expect(readTrainingQuery('face-to-face safeguarding course').mode).to.equal('in-person');
    expect(readTrainingQuery('e-learning on information sharing').cue).to.equal(true);
    expect(readTrainingQuery('train times to leicester').cue).to.equal(false);
  });

  it('notices a pointer back to the last topic', () => {
    expect(readTrainingQuery('is there training for that?')).to.include({ cue: true, backReference: true });
    expect(readTrainingQuery('is there training for that?').topicWords).to.deep.equal([]);
  });

  it('reads a role, leaving the rest as the topic', () => {
    expect(readTrainingQuery('training for youth workers')).to.include({ role: 'youth-worker' });
    expect(readTrainingQuery('safeguarding courses for health visitors')).to.deep.include({ role: 'health-visitor', topicWords: ['safeguarding'] });
    expect(readTrainingQuery('courses for a SENCO').role).to.equal('senco');
  });
});

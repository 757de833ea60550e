import { expect } from 'chai';
import { defaultConcernDetector, isSafeguardingConcern } from '../../../../bot/features/safeguarding/concernDetector';

const CONCERNS = [
  'a young person just told me they are being abused',
  'I think a child in my group is being hurt at home',
  'one of my pupils has bruises on her arms again',
  'a boy in my class said his dad hits him',
  'child disclosed sexual abuse to me today',
  'I am worried about a girl who says she is scared to go home',
  'YP told me her stepdad touched her inappropriately',
  'a teenager in our youth club wants to kill himself',
  'Im worried a baby on my caseload is being neglected',
  'student has self harm cuts on his arms',
  'there is a child in immediate danger',
  'a kid at the centre says there is no food at home and he is starving',
  'I suspect one of the children is being groomed online',
  'a 14 year old girl told me she is being forced to marry',
  'how do I report a safeguarding concern',
  'who do I tell about a child I am worried about',
  'a toddler came in with burns on his hands',
  'pupil keeps saying her mum locks her in her room',
  'a young person has gone missing from care',
  'my daughter\u2019s friend told me she is being hit by her brother',
  'I need to report something a child said to me',
  'a lad in my group is suicidal',
  'one of my young people is being exploited by older men',
  'I think a pupil is at risk of FGM',
  'the child says he is frightened of his dad',
  'a girl in year 8 has been raped',
  'child on my caseload has marks on her neck',
];

const NOT_CONCERNS = [
  'What is safeguarding training?',
  'what does abuse mean',
  'types of abuse definition',
  'where can I do level 3 safeguarding training',
  'what is the LSCB',
  'what are the signs of neglect',
  'safeguarding policy',
  'what is the common core area on safeguarding',
  'when is the next child protection course',
  'whats a caf',
  'LP role',
  'what does ECM stay safe mean',
  'is there e-learning on child sexual exploitation',
  'what is the role of the designated safeguarding lead',
  'how long is the multi agency safeguarding course',
  'team around the child meaning',
  'what are the six areas of the common core',
  'explain the harm threshold levels',
  'do I need safeguarding training for volunteering',
  'recipe for banana bread',
  'book my annual leave',
  'what is keeping children safe in education',
  'what training do I need',
  'what is the One Children\u2019s Workforce framework',
  'what is FGM legislation',
  'what does at risk of harm mean in the framework',
];

/** The phrasings the issue says the old detector missed (issue #12), each a concern. */
const ISSUE_MISSES = [
  "I'm worried about a child",
  'concerned about one of my families',
  'mum leaves the baby alone at night',
  'a boy in year 9 is being made to pay money or someone will send his nudes to everyone',
  'sextortion, a lad in my group has been told to pay or his pics go to his family',
  'one of my kids is running drugs out of town for older lads, county lines I think',
  'she told me she was cut in the holidays like her sisters',
  'I saw scratches and lines up her forearms again today',
  'dad admitted he shook the baby because she would not stop crying',
  'a colleague keeps messaging a 15 year old girl and buying her presents',
  'a 12yo on my caseload is bein abuzed by her step dad',
  'the kids r negleckted, no food in the house',
];

/** Topic questions the issue says must still be answered normally. */
const ISSUE_TOPICS = [
  'what is safeguarding training',
  'what are the signs of neglect',
  'what does county lines mean',
  'what is the LADO',
  'working together guidance',
];

describe('isSafeguardingConcern', () => {
  for (const message of ISSUE_MISSES) {
    it(`treats "${message}" as a concern (missed before)`, () => expect(isSafeguardingConcern(message)).to.equal(true));
  }
  for (const message of ISSUE_TOPICS) {
    it(`answers the topic question "${message}" normally`, () => expect(isSafeguardingConcern(message)).to.equal(false));
  }
  for (const message of CONCERNS) {
    it(`treats "${message}" as a concern`, () => expect(isSafeguardingConcern(message)).to.equal(true));
  }
  for (const message of NOT_CONCERNS) {
    it(`answers "${message}" normally`, () => expect(isSafeguardingConcern(message)).to.equal(false));
  }
  it('holds at least 25 phrasings of each kind', () => {
    expect(CONCERNS.length).to.be.at.least(25);
    expect(NOT_CONCERNS.length).to.be.at.least(25);
  });
});

describe('ConcernDetector.assess', () => {
  const detector = defaultConcernDetector();

  it('marks danger now, so the card leads with 999', () => {
    expect(detector.assess('her dad has a knife and is shouting he will kill her tonight').immediate).to.equal(true);
    expect(detector.assess('a boy in my class has bruises on his arms again').immediate).to.equal(false);
  });

  it('leads with 999 for a weapon, an overdose, a jump, a child alone or a flight happening now, and not for harm in the past', () => {
    const now = [
      "he's got a knife and is threatening her right now",
      "she's taken a load of pills",
      'my pupil has just swallowed loads of tablets in the toilets',
      'theres a man with a machete outside the house where the kids are',
      'hes on the bridge railing and wont come away',
      'the toddler has been left alone in the flat right now',
      'she flies out tonight to be married off',
      'a yp says she overdosed this morning and feels sick',
    ];
    for (const text of now) expect(detector.assess(text), text).to.include({ concern: true, immediate: true });
    for (const text of ['his dad hit him last month and social care are involved', 'a girl in year 7 has been self harming for a while']) {
      expect(detector.assess(text), text).to.include({ concern: true, immediate: false });
    }
  });

  it('tells a child gone missing from a thing gone missing', () => {
    for (const text of ['she went missing from care last night', 'our 15 year old foster son has gone missing again'])
      expect(detector.assess(text).concern, text).to.equal(true);
    for (const text of ['the pens have gone missing from the stationery cupboard', 'my work phone went missing on the train', 'my keys went missing'])
      expect(detector.assess(text).concern, text).to.equal(false);
  });

  it('adds the LADO route for an adult who works with children', () => {
    expect(detector.assess('a colleague keeps messaging a 15 year old girl and buying her presents').routes).to.include('lado');
  });

  it('adds the FGM duty and the health routes where they apply', () => {
    expect(detector.assess('she told me she was cut in the holidays like her sisters').routes).to.include('fgm-duty');
    expect(detector.assess('a girl in my group says she wants to kill herself').routes).to.include('health');
  });

  it('calls a worry with no harm named vague, and names the category otherwise', () => {
    const vague = detector.assess("I'm worried about a child in my class");
    expect(vague).to.include({ concern: true, vague: true });
    expect(vague.categories).to.deep.equal(['general-worry']);
    const neglect = detector.assess('mum leaves the baby alone at night');
    expect(neglect.vague).to.equal(false);
    expect(neglect.categories[0]).to.equal('neglect');
  });

  it('reads a huge message without failing', () => {
    const started = Date.now();
    expect(detector.assess(`${'the meeting went well and '.repeat(5000)}`).concern).to.equal(false);
    expect(detector.assess(`${'the meeting went well. '.repeat(500)} a boy in my class says his dad hits him with a belt`).concern).to.equal(true);
    expect(Date.now() - started).to.be.below(5000);
  });
});

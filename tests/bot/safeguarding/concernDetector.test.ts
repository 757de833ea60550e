import { expect } from 'chai';
import { isSafeguardingConcern } from '../../../bot/safeguarding/concernDetector';

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

describe('isSafeguardingConcern', () => {
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

import { expect } from 'chai';
import { extractSeedConcepts, isAcronym, singularAcronym } from '../../knowledge/seedConcepts';

const texts = (text: string, kind?: string) =>
  extractSeedConcepts(text)
    .filter((c) => kind === undefined || c.kind === kind)
    .map((c) => c.text);

describe('extractSeedConcepts', () => {
  it('finds capitalised multi-word names with their linking words', () => {
    const found = texts('Staff learn the Common Core of Skills and Knowledge and the Integrated Qualifications Framework.', 'name');
    expect(found).to.deep.equal(['Common Core of Skills and Knowledge', 'Integrated Qualifications Framework']);
  });

  it('keeps a closing number with the name and drops an opening "The"', () => {
    expect(texts('The Children Act 2004 set out the framework.', 'name')).to.deep.equal(['Children Act 2004']);
  });

  it('does not take a single capitalised word, such as a sentence opening, as a name', () => {
    expect(texts('Consultation with children showed that Westminster staff value respect.', 'name')).to.deep.equal([]);
  });

  it('breaks names at punctuation, tabs and acronyms', () => {
    const found = texts('Every Child Matters: Change for Children\tYouth Offending Team CAF Lead Professional Guidance', 'name');
    expect(found).to.deep.equal(['Every Child Matters', 'Change for Children', 'Youth Offending Team', 'Lead Professional Guidance']);
  });

  it('keeps a comma list that an "and" closes as one name, and splits other comma runs', () => {
    expect(texts('published by the Department for Children, Schools and Families today', 'name')).to.deep.equal([
      'Department for Children, Schools and Families',
    ]);
    expect(texts('help from Health Visitors, School Nurses to families', 'name')).to.deep.equal(['Health Visitors', 'School Nurses']);
  });

  it('splits a name from the place "in" or "at" introduces', () => {
    expect(texts('run by the Shared Services Centre in Oxfordshire County Council', 'name')).to.deep.equal([
      'Shared Services Centre',
      'Oxfordshire County Council',
    ]);
    expect(texts('the Investors in People standard', 'name')).to.deep.equal(['Investors in People']);
  });

  it('does not take month names as part of a name', () => {
    expect(texts('an Analysis Workshop in June 2009, then between April and December 2009', 'name')).to.deep.equal(['Analysis Workshop']);
  });

  it('splits two names joined by "and the"', () => {
    expect(texts('through the District Manager and the Childcare Partnership Manager', 'name')).to.deep.equal([
      'District Manager',
      'Childcare Partnership Manager',
    ]);
  });

  it('does not take a sentence-opening word before "the" as part of a name', () => {
    expect(texts('Ask the Youth Offending Team first.', 'name')).to.deep.equal(['Youth Offending Team']);
    expect(texts('ranked low in England in the National Index of Multiple Deprivation', 'name')).to.deep.equal(['National Index of Multiple Deprivation']);
  });

  it('starts a new name at a capital "The" and at a slash', () => {
    expect(texts('the WorkSmart Change Programme The WorkSmart team', 'name')).to.deep.equal(['WorkSmart Change Programme']);
    expect(texts('the DH/DfES Options for Excellence review', 'name')).to.deep.equal(['Options for Excellence']);
  });

  it('drops an opening verb of an action line', () => {
    expect(texts('Implement the Common Assessment Framework in every school', 'name')).to.deep.equal(['Common Assessment Framework']);
  });

  it('reads a heading in capitals as a name, not as acronyms', () => {
    const found = extractSeedConcepts("LEICESTERSHIRE CHILDREN AND YOUNG PEOPLE'S BOARD");
    expect(found.map((c) => [c.kind, c.text])).to.deep.equal([['name', "Leicestershire Children and Young People's Board"]]);
  });

  it('finds acronyms, mixed-case ones included, without their plural s', () => {
    expect(texts('CWDC and the DfES funded EYPs; the IdeA helped; CAFcass and eCAF too.', 'acronym')).to.deep.equal([
      'CWDC',
      'DfES',
      'EYP',
      'IdeA',
      'CAFcass',
      'eCAF',
    ]);
  });

  it('finds lower-case "the … scheme" phrases but not references to the document itself', () => {
    const found = texts('We will implement the national vetting and barring scheme and review this strategy and the plan.', 'phrase');
    expect(found).to.deep.equal(['national vetting and barring scheme']);
  });

  it('reports each concept once, at the line of its first mention', () => {
    const found = extractSeedConcepts('Intro\nthe Youth Matters paper\nmore on Youth Matters');
    expect(found).to.deep.equal([{ text: 'Youth Matters', kind: 'name', line: 2 }]);
  });
});

describe('isAcronym', () => {
  it('accepts capitals and mixed-case acronyms, and refuses ordinary and surname words', () => {
    for (const w of ['TAC', 'DfES', 'IdeA', 'CAFcass', 'eCAF', 'BV11a', 'C&F']) expect(isAcronym(w), w).to.equal(true);
    for (const w of ['Team', 'McDonald', 'PowerPoint', 'I', 'a']) expect(isAcronym(w), w).to.equal(false);
  });

  it('drops a plural s only after a capital', () => {
    expect(singularAcronym('GCSEs')).to.equal('GCSE');
    expect(singularAcronym('CAMHS')).to.equal('CAMHS');
  });
});

import { expect } from 'chai';
import lunr from 'lunr';
import { termsNear } from '../../knowledge/lunrInternals';
import { NearTerms } from '../../knowledge/nearTerms';

describe('remembered fuzzy term look-ups', () => {
  const index = lunr(function () {
    this.ref('id');
    this.field('body');
    this.add({ id: 'a', body: 'lead leads need professional profession' });
    this.add({ id: 'b', body: 'worker workforce' });
  });

  it('finds what lunr finds, first time and again', () => {
    const near = new NearTerms(index);
    for (const [term, distance] of [
      ['leed', 1],
      ['profesional', 2],
      ['zzzz', 1],
    ] as const) {
      expect(near.near(term, distance)).to.deep.equal(termsNear(index, term, distance));
      expect(near.near(term, distance)).to.deep.equal(termsNear(index, term, distance));
    }
  });

  it('tells distances apart', () => {
    const near = new NearTerms(index);
    expect(near.near('workr', 1)).to.include('worker');
    expect(near.near('wrkr', 1)).to.deep.equal([]);
    expect(near.near('wrkr', 2)).to.include('worker');
  });

  it('keeps at most its capacity, dropping the look-up used least recently', () => {
    const near = new NearTerms(index, 2);
    const leed = near.near('leed', 1);
    const workr = near.near('workr', 1);
    expect(near.near('leed', 1)).to.equal(leed);
    near.near('nead', 1);
    // "workr" was used least recently, so it was dropped and is looked up afresh; "leed" was kept.
    expect(near.near('leed', 1)).to.equal(leed);
    expect(near.near('workr', 1)).to.not.equal(workr);
    expect(near.near('workr', 1)).to.deep.equal(workr);
  });
});

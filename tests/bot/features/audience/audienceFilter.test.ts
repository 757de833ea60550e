import { expect } from 'chai';
import { audienceFilterSchema, describeAudience, matchesAudience } from '../../../../bot/features/audience/audienceFilter';

const hv = { userId: 'u', sector: 'health', role: 'health-visitor', locality: 'Melton', team: 'North', authority: 'leicestershire', topics: [] };

describe('audience filters', () => {
  it('matches everyone, with or without a profile', () => {
    expect(matchesAudience({ everyone: true }, undefined)).to.equal(true);
    expect(matchesAudience({}, hv)).to.equal(true);
  });

  it('needs every filter given to match, any value within one, case-insensitively for places', () => {
    expect(matchesAudience({ sectors: ['health', 'youth'], localities: ['melton'] }, hv)).to.equal(true);
    expect(matchesAudience({ sectors: ['health'], roles: ['teacher'] }, hv)).to.equal(false);
    expect(matchesAudience({ sectors: ['health'] }, undefined)).to.equal(false);
  });

  it('describes itself in words', () => {
    expect(describeAudience({ everyone: true })).to.equal('Everyone');
    expect(describeAudience({ sectors: ['health'], roles: ['health-visitor', 'school-nurse'], authorities: ['leicestershire'] })).to.equal(
      'Health; Health visitor or School nurse; Leicestershire',
    );
  });

  it('refuses unknown sectors, roles and councils', () => {
    expect(audienceFilterSchema.safeParse({ roles: ['wizard'] }).success).to.equal(false);
    expect(audienceFilterSchema.safeParse({ authorities: ['narnia'] }).success).to.equal(false);
    expect(audienceFilterSchema.safeParse({ sectors: ['health'], localities: ['Anywhere'] }).success).to.equal(true);
  });

  describe('Entra groups', () => {
    const G = '0b4f3a4e-1111-4222-8333-444455556666';
    const H = '0b4f3a4e-aaaa-4bbb-8ccc-ddddeeeeffff';

    it('needs the person to be in one of the groups, and the other filters still apply', () => {
      expect(matchesAudience({ groups: [G] }, undefined, [G])).to.equal(true);
      expect(matchesAudience({ groups: [G, H] }, hv, [H])).to.equal(true);
      expect(matchesAudience({ groups: [G] }, hv, [])).to.equal(false);
      expect(matchesAudience({ groups: [G] }, hv)).to.equal(false);
      expect(matchesAudience({ groups: [G], roles: ['teacher'] }, hv, [G])).to.equal(false);
      expect(matchesAudience({ groups: [G], roles: ['health-visitor'] }, hv, [G])).to.equal(true);
    });

    it('takes only group object ids (GUIDs), whatever their case, once each', () => {
      expect(audienceFilterSchema.safeParse({ groups: ['All staff'] }).success).to.equal(false);
      expect(audienceFilterSchema.parse({ groups: [G.toUpperCase(), G] }).groups).to.deep.equal([G]);
    });

    it('is described by how many groups it names', () => {
      expect(describeAudience({ groups: [G, H], sectors: ['health'] })).to.equal('members of 2 Entra groups; Health');
    });
  });
});

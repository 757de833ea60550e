import { expect } from 'chai';
import { audienceFilterSchema, describeAudience, matchesAudience } from '../../../bot/audience/audienceFilter';

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
    expect(describeAudience({ sectors: ['health'], roles: ['health-visitor', 'school-nurse'], authorities: ['leicestershire'] })).to.equal('Health; Health visitor or School nurse; Leicestershire');
  });

  it('refuses unknown sectors, roles and councils', () => {
    expect(audienceFilterSchema.safeParse({ roles: ['wizard'] }).success).to.equal(false);
    expect(audienceFilterSchema.safeParse({ authorities: ['narnia'] }).success).to.equal(false);
    expect(audienceFilterSchema.safeParse({ sectors: ['health'], localities: ['Anywhere'] }).success).to.equal(true);
  });
});

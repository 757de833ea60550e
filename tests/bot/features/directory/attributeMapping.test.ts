import path from 'node:path';
import { expect } from 'chai';
import { AttributeMapping } from '../../../../bot/features/directory/attributeMapping';

const head = 'owner: Comms team\nreview_by: 2027-05-31\n';

describe('directory attribute mapping', () => {
  it('maps exact text in any case and /regular expressions/, first matching rule per field', () => {
    const m = AttributeMapping.parse(`${head}rules:
  - match: { department: "Early Help" }
    set: { sector: social-family-community, team: Early Help }
  - match: { jobTitle: '/^family support/i' }
    set: { role: family-support-worker, sector: health }
  - match: { companyName: ['Oxfordshire County Council', '/^OCC$/'] }
    set: { authority: oxfordshire }
`);
    expect(m.apply({ department: 'early help', jobTitle: 'Family Support Worker', companyName: 'OCC' })).to.deep.equal({
      sector: 'social-family-community',
      team: 'Early Help',
      role: 'family-support-worker',
      authority: 'oxfordshire',
    });
    expect(m.apply({ department: 'Early Help Hub' })).to.deep.equal({});
    expect(m.apply({})).to.deep.equal({});
  });

  it('copies an attribute with {{name}}, and drops a copy that is not a valid id for a closed list', () => {
    const m = AttributeMapping.parse(`${head}rules:
  - match: { officeLocation: '/./' }
    set: { locality: '{{officeLocation}}', sector: '{{department}}' }
`);
    expect(m.apply({ officeLocation: 'County Hall', department: 'health' })).to.deep.equal({ locality: 'County Hall', sector: 'health' });
    expect(m.apply({ officeLocation: 'County Hall', department: 'Finance' })).to.deep.equal({ locality: 'County Hall' });
  });

  it('refuses a file with unknown ids, bad regular expressions or no owner, naming each rule', () => {
    const bad = `owner: ''\nreview_by: soon\nrules:\n  - match: { jobTitle: '/(/' }\n    set: { role: wizard }\n`;
    expect(() => AttributeMapping.parse(bad)).to.throw(/owner|review_by/);
    const rules = `${head}rules:\n  - match: { jobTitle: '/(/' }\n    set: { role: wizard, authority: mars }\n  - match: { shoeSize: '9' }\n    set: { team: x }\n`;
    expect(() => AttributeMapping.parse(rules)).to.throw(/rules\.1\.match/);
    const ids = `${head}rules:\n  - match: { jobTitle: '/(/' }\n    set: { role: wizard, authority: mars }\n`;
    expect(() => AttributeMapping.parse(ids)).to.throw(
      /rules\.0\.match\.jobTitle[\s\S]*rules\.0\.set\.role: "wizard" is not a role id[\s\S]*rules\.0\.set\.authority/,
    );
  });

  it('the shipped mapping file loads, has an owner and review date, and maps a typical council record', () => {
    const m = AttributeMapping.load(path.join(__dirname, '../../../../knowledge/directory/attribute-mapping.yaml'));
    expect(m.owner).to.not.equal('nobody');
    expect(m.reviewBy).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      m.apply({ jobTitle: 'Health Visitor', department: 'Public Health Nursing', officeLocation: 'Coalville', companyName: 'Leicestershire County Council' }),
    ).to.deep.equal({
      authority: 'leicestershire',
      role: 'health-visitor',
      sector: 'health',
      team: 'Public Health Nursing',
      locality: 'Coalville',
    });
  });

  it('a missing file is an empty mapping: self-declared settings do all the targeting', () => {
    expect(AttributeMapping.load('/nonexistent/mapping.yaml').apply({ jobTitle: 'Teacher' })).to.deep.equal({});
  });
});

import { expect } from 'chai';
import { scrubPersonalDetails } from '../../../../bot/platform/privacy/scrubPersonalDetails';

describe('scrubPersonalDetails', () => {
  const cases: [string, string][] = [
    ['email jo.bloggs@leics.gov.uk please', 'email [email] please'],
    ['call me on 07700 900123', 'call me on [phone]'],
    ['ring +44 116 305 0005 now', 'ring [phone] now'],
    ['lives at LE1 6ZG', 'lives at [postcode]'],
    ['NI number QQ 12 34 56 C', 'NI number [ni number]'],
    ['born 03/04/2012', 'born [date]'],
    ['case 12345678', 'case [number]'],
    ['see https://intranet.example.org/x?token=abc', 'see [link]'],
    ['what is a caf', 'what is a caf'],
    ['level 3 diploma in 2010', 'level 3 diploma in 2010'],
    ['Jane Smith in the duty team is overloaded', '[name] in the duty team is overloaded'],
    ['ask Dr Patel about it', 'ask [name] about it'],
    ['my manager Sarah never listens', 'my manager [name] never listens'],
    ["training with Mrs O'Brien was good", 'training with [name] was good'],
    ['email jane.smith@example.org, Jane Smith', 'email [email], [name]'],
    ['who can be a Lead Professional under the CAF?', 'who can be a Lead Professional under the CAF?'],
    ['Team Around the Child and Every Child Matters', 'Team Around the Child and Every Child Matters'],
    ['what does Ofsted do in Leicestershire', 'what does Ofsted do in Leicestershire'],
  ];
  for (const [input, output] of cases) it(`scrubs "${input}"`, () => expect(scrubPersonalDetails(input)).to.equal(output));
});

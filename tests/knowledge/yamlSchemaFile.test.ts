import { expect } from 'chai';
import { z } from 'zod';
import { parseYamlSchemaFile } from '../../knowledge/yamlSchemaFile';

const schema = z.object({ id: z.string(), owner: z.string() });

describe('parseYamlSchemaFile', () => {
  it('returns the parsed value of a valid file whose id matches its name', () => {
    expect(parseYamlSchemaFile('/x/neglect.yaml', 'id: neglect\nowner: Safeguarding team\n', schema, 'file')).to.deep.equal({
      value: { id: 'neglect', owner: 'Safeguarding team' },
      problems: [],
    });
  });

  it('reports YAML that does not parse with the first line of the parser message', () => {
    const { value, problems } = parseYamlSchemaFile('/x/neglect.yaml', 'id: [unclosed\n', schema, 'file');
    expect(value).to.equal(undefined);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ level: 'error', file: 'neglect.yaml' });
    expect(problems[0].message)
      .to.match(/^not valid YAML: /)
      .and.not.include('\n');
  });

  it('names the field a schema problem is in, or the whole file when the problem is the file itself', () => {
    expect(parseYamlSchemaFile('/x/a.yaml', 'id: a\n', schema, 'template').problems.map((p) => p.message)).to.deep.equal([
      'owner: Invalid input: expected string, received undefined',
    ]);
    expect(parseYamlSchemaFile('/x/a.yaml', '- just a list\n', schema, 'template').problems[0].message).to.match(/^template: /);
  });

  it('refuses a file whose id is not its name, so two files cannot claim one id', () => {
    expect(parseYamlSchemaFile('/x/copy.yaml', 'id: neglect\nowner: x\n', schema, 'file').problems.map((p) => p.message)).to.deep.equal([
      'id "neglect" does not match the file name (expected neglect.yaml)',
    ]);
  });
});

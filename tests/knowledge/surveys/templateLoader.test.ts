import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import yaml from 'js-yaml';
import { loadTemplates, loadTemplatesOrThrow, parseTemplateFile } from '../../../knowledge/surveys/templateLoader';

/** A valid template to break one thing at a time. */
const valid = () => ({
  id: 'tiny-pulse',
  title: 'Tiny pulse',
  intro: 'Three quick questions.',
  questions: [
    { id: 'workload', type: 'rating', text: 'My workload is manageable', labels: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'] },
    { id: 'recommend', type: 'scale', text: 'Would you recommend us?', lowLabel: 'Not at all likely', highLabel: 'Extremely likely' },
    { id: 'inducted', type: 'yesno', text: 'Did you have an induction?' },
    { id: 'comment', type: 'text', text: 'Anything else?', optional: true },
  ] as Record<string, unknown>[],
});

const parse = (template: unknown, file = 'tiny-pulse.yaml') => parseTemplateFile(file, yaml.dump(template));
const messages = (template: unknown) =>
  parse(template)
    .problems.map((p) => p.message)
    .join('\n');

describe('pulse templates', () => {
  it('ships the three templates the issue asks for, all valid', () => {
    const { templates, problems } = loadTemplates();
    expect(problems).to.deep.equal([]);
    expect(templates.map((t) => t.id).sort()).to.include.members(['induction-feedback', 'ocw-self-check', 'wellbeing-pulse']);
  });

  it('asks the seven arcs of the One Children\u2019s Workforce framework from not started to embedded', () => {
    const ocw = loadTemplatesOrThrow().find((t) => t.id === 'ocw-self-check')!;
    const ratings = ocw.questions.filter((q) => q.type === 'rating');
    expect(ratings).to.have.length(7);
    for (const q of ratings) expect(q.type === 'rating' && [q.labels[0], q.labels[4]]).to.deep.equal(['Not started', 'Embedded']);
    expect(ocw.questions.filter((q) => q.type === 'text')).to.have.length(1);
  });

  it('has a wellbeing pulse with 4\u20135 ratings, a 0\u201310 eNPS question and one comment', () => {
    const pulse = loadTemplatesOrThrow().find((t) => t.id === 'wellbeing-pulse')!;
    expect(pulse.questions.filter((q) => q.type === 'rating').length).to.be.within(4, 5);
    expect(pulse.questions.filter((q) => q.type === 'scale')).to.have.length(1);
    expect(pulse.questions.filter((q) => q.type === 'text' && q.optional && q.maxLength === 500)).to.have.length(1);
  });

  it('has induction feedback asking about the three months (yes/no), usefulness (1\u20135) and a comment', () => {
    const induction = loadTemplatesOrThrow().find((t) => t.id === 'induction-feedback')!;
    expect(induction.questions.map((q) => q.type)).to.include.members(['yesno', 'rating', 'text']);
    expect(induction.questions.find((q) => q.type === 'yesno')!.text).to.match(/three months/);
  });

  it('accepts a valid template', () => {
    expect(parse(valid()).problems).to.deep.equal([]);
  });

  const broken: [string, (t: ReturnType<typeof valid>) => void, RegExp][] = [
    ['two questions', (t) => (t.questions = t.questions.slice(0, 2)), /at least 3 questions/],
    [
      'nine questions',
      (t) => (t.questions = Array.from({ length: 9 }, (_, i) => ({ id: `q${i}`, type: 'yesno', text: `Question ${i}?` }))),
      /at most 8 questions/,
    ],
    ['a question id used twice', (t) => (t.questions[1].id = 'workload'), /"workload" is used twice/],
    ['an unknown question type', (t) => (t.questions[2].type = 'slider'), /type must be one of/],
    ['a rating with four labels', (t) => (t.questions[0].labels as string[]).pop(), /exactly five labels/],
    ['a rating with the same label twice', (t) => ((t.questions[0].labels as string[])[1] = 'Strongly disagree'), /labels must all be different/],
    ['a required free-text question', (t) => (t.questions[3].optional = false), /always optional/],
    ['free text longer than 500', (t) => (t.questions[3].maxLength = 501), /limited to 500/],
    ['two comments', (t) => t.questions.push({ id: 'comment-2', type: 'text', text: 'More?', optional: true }), /at most one free-text/],
    [
      'a choice with one option',
      (t) => t.questions.splice(2, 1, { id: 'route', type: 'choice', text: 'Which?', options: [{ id: 'a', label: 'A' }] }),
      /at least two options/,
    ],
    ['an id with capitals', (t) => (t.questions[0].id = 'Workload'), /lower case/],
    ['an empty question text', (t) => (t.questions[0].text = ' '), /must not be empty/],
    ['an unknown field', (t) => (t.questions[0].colour = 'red'), /colour|Unrecognized/i],
    ['only optional questions', (t) => t.questions.forEach((q) => (q.optional = true)), /at least one question must be required/],
  ];
  for (const [name, breakIt, message] of broken) {
    it(`refuses ${name}`, () => {
      const template = valid();
      breakIt(template);
      expect(messages(template)).to.match(message);
    });
  }

  it('refuses a file whose name does not match its id, and YAML that does not parse', () => {
    expect(parse(valid(), 'other.yaml').problems[0].message).to.match(/does not match the file name/);
    expect(parseTemplateFile('bad.yaml', 'id: [unclosed').problems[0].message).to.match(/not valid YAML/);
  });

  it('reports every broken file in a folder, and start-up refuses to run with them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
    try {
      fs.writeFileSync(path.join(dir, 'tiny-pulse.yaml'), yaml.dump(valid()));
      const bad = valid();
      bad.id = 'bad-pulse';
      bad.questions = bad.questions.slice(0, 1);
      fs.writeFileSync(path.join(dir, 'bad-pulse.yaml'), yaml.dump(bad));
      const { templates, problems } = loadTemplates(dir);
      expect(templates.map((t) => t.id)).to.deep.equal(['tiny-pulse']);
      expect(problems.map((p) => p.file)).to.deep.equal(['bad-pulse.yaml']);
      expect(() => loadTemplatesOrThrow(dir)).to.throw(/bad-pulse\.yaml: questions: a pulse needs at least 3 questions/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

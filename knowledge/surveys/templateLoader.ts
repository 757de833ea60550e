import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../contentLoader';
import { throwOnErrors } from '../contentLoader';
import { projectRoot } from '../projectRoot';
import { parseYamlSchemaFile } from '../yamlSchemaFile';
import { SurveyTemplate, templateSchema } from './surveyTemplate';

/** The folder the shipped pulse templates live in; the content team edits the YAML files there. */
export const DEFAULT_TEMPLATES_DIR = path.join(projectRoot(), 'knowledge', 'surveys', 'templates');

/** Templates that loaded, and what was wrong with the ones that did not. */
export interface LoadedTemplates {
  templates: SurveyTemplate[];
  problems: ContentProblem[];
}

/** Parses one template file; a file that is not a valid template yields problems instead. */
export function parseTemplateFile(file: string, raw: string): { template?: SurveyTemplate; problems: ContentProblem[] } {
  const { value, problems } = parseYamlSchemaFile(file, raw, templateSchema, 'template');
  return { template: value, problems };
}

/**
 * Loads every `*.yaml` template in a folder, sorted by file name so the order is stable, and
 * reports problems (bad YAML, bad questions, ids used twice) instead of throwing.
 */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): LoadedTemplates {
  if (!fs.existsSync(dir)) return { templates: [], problems: [{ level: 'error', file: dir, message: 'the templates folder does not exist' }] };
  const templates: SurveyTemplate[] = [];
  const problems: ContentProblem[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const file of files) {
    const result = parseTemplateFile(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    problems.push(...result.problems);
    if (!result.template) continue;
    if (templates.some((t) => t.id === result.template!.id))
      problems.push({ level: 'error', file, message: `template id "${result.template.id}" is used twice` });
    else templates.push(result.template);
  }
  if (files.length === 0) problems.push({ level: 'error', file: dir, message: 'there are no templates (*.yaml) in the folder' });
  return { templates, problems };
}

/**
 * The templates the bot offers, loaded once at start-up; a broken template stops start-up with
 * its problems listed, so a bad edit is caught before anyone is sent a card.
 */
export function loadTemplatesOrThrow(dir: string = DEFAULT_TEMPLATES_DIR): SurveyTemplate[] {
  const { templates, problems } = loadTemplates(dir);
  throwOnErrors(problems, 'The pulse templates', dir);
  return templates;
}

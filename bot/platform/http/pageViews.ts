import path from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '../../../knowledge/projectRoot';

/**
 * The pages' Nunjucks environment, as the MoJ hmpps template sets it up: templates are named from
 * `bot/` (`webchat/views/chat.njk`, `platform/http/views/page.njk`), GOV.UK Frontend's macros from its package, and everything
 * printed is escaped unless a template says otherwise. Templates are read from the source folders,
 * found from the project root, so the compiled `dist/` bot finds them too; each is compiled once.
 */
const environment = new nunjucks.Environment(
  new nunjucks.FileSystemLoader([path.join(projectRoot(), 'bot'), path.join(projectRoot(), 'node_modules', 'govuk-frontend', 'dist')]),
  { autoescape: true },
);

/** Renders one of the pages' templates with the given values. */
export function renderView(name: string, context: object): string {
  return environment.render(name, context);
}

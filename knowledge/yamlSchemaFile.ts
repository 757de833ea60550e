import path from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'zod';
import type { ContentProblem } from './contentLoader';

/**
 * Parses one YAML content file against its schema and checks that its `id` matches the file name,
 * so every folder of editable YAML (lexicon, pulse templates) reports problems the same way.
 */
export function parseYamlSchemaFile<S extends z.ZodType<{ id: string }>>(
  file: string,
  raw: string,
  schema: S,
  wholeFile: string,
): { value?: z.output<S>; problems: ContentProblem[] } {
  const name = path.basename(file);
  let data: unknown;
  try {
    data = yaml.load(raw);
  } catch (err) {
    return { problems: [{ level: 'error', file: name, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` }] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        level: 'error' as const,
        file: name,
        message: `${issue.path.join('.') || wholeFile}: ${issue.message}`,
      })),
    };
  }
  const expected = `${parsed.data.id}.yaml`;
  if (name !== expected)
    return { problems: [{ level: 'error', file: name, message: `id "${parsed.data.id}" does not match the file name (expected ${expected})` }] };
  return { value: parsed.data, problems: [] };
}

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DateTime, IANAZone } from 'luxon';
import type { ContentProblem } from '../contentLoader';
import { projectRoot } from '../projectRoot';
import { z } from 'zod';
import { Course, courseSchema, Session, sessionSchema, toCourse, toSession, TrainingCatalogue } from './catalogue';

/** The folder the shipped catalogue lives in; the workforce-development team edits the YAML there. */
export const DEFAULT_TRAINING_DIR = path.join(projectRoot(), 'knowledge', 'training');

export const COURSES_FILE = 'courses.yaml';
export const SESSIONS_FILE = 'sessions.yaml';

/** The catalogue as far as it could be read, and what was wrong with it. */
export interface LoadedCatalogue {
  catalogue: TrainingCatalogue;
  problems: ContentProblem[];
}

/** Local date-times are written to the minute, without an offset: the zone says where. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const issuesOf = (file: string, where: string, error: { issues: { path: PropertyKey[]; message: string }[] }): ContentProblem[] =>
  error.issues.map((issue) => ({ level: 'error' as const, file, message: `${where}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}` }));

/**
 * Reads one YAML file. The core schema is used so dates stay as the text that was written
 * (YAML would otherwise turn some of them into UTC timestamps).
 */
function readYaml(file: string, problems: ContentProblem[]): unknown {
  const name = path.basename(file);
  if (!fs.existsSync(file)) {
    problems.push({ level: 'error', file: name, message: 'the file does not exist' });
    return undefined;
  }
  try {
    return yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (err) {
    problems.push({ level: 'error', file: name, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** Checks one local date-time exists in its zone: written to the minute, and not lost to the clocks going forward. */
export function localTimeProblem(value: string, zone: string): string | undefined {
  if (!LOCAL_DATE_TIME.test(value)) return `"${value}" must be a local date and time written YYYY-MM-DDTHH:mm`;
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) return `"${value}" is not a real date and time`;
  if (parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== value) return `"${value}" does not exist in ${zone} (the clocks go forward then)`;
  return undefined;
}

/**
 * Reads the list under `key` in one file and checks each record against `recordSchema`, reporting
 * the ones that fail by id (or position) and handing back the rest with that label.
 */
function readRecords<R>(file: string, key: string, noun: string, recordSchema: z.ZodType<R>, problems: ContentProblem[]): { record: R; label: string }[] {
  const name = path.basename(file);
  const data = readYaml(file, problems);
  if (data === undefined) return [];
  const shape = z
    .object({ [key]: z.array(z.unknown()) })
    .strict()
    .safeParse(data);
  if (!shape.success) {
    problems.push(...issuesOf(name, 'file', shape.error));
    return [];
  }
  const records: { record: R; label: string }[] = [];
  shape.data[key].forEach((raw, i) => {
    const parsed = recordSchema.safeParse(raw);
    const label = typeof (raw as { id?: unknown })?.id === 'string' ? `${noun} ${(raw as { id: string }).id}` : `${noun} #${i + 1}`;
    if (parsed.success) records.push({ record: parsed.data, label });
    else problems.push(...issuesOf(name, label, parsed.error));
  });
  return records;
}

function loadCourses(file: string, problems: ContentProblem[]): Course[] {
  return readRecords(file, 'courses', 'course', courseSchema, problems).map(({ record }) => toCourse(record));
}

/** Sessions also need a real time zone and local times that exist in it. */
function loadSessions(file: string, problems: ContentProblem[]): Session[] {
  const name = path.basename(file);
  return readRecords(file, 'sessions', 'session', sessionSchema, problems).flatMap(({ record, label }) => {
    const { timezone, start, end } = record;
    if (!IANAZone.isValidZone(timezone)) {
      problems.push({ level: 'error', file: name, message: `${label}.timezone: "${timezone}" is not a time zone (write Europe/London)` });
      return [];
    }
    const timeProblems = [localTimeProblem(start, timezone), localTimeProblem(end, timezone)].filter((p): p is string => p !== undefined);
    if (timeProblems.length) {
      problems.push(...timeProblems.map((p) => ({ level: 'error' as const, file: name, message: `${label}: ${p}` })));
      return [];
    }
    return [toSession(record)];
  });
}

/**
 * Reads `courses.yaml` and `sessions.yaml` from a folder, keeping every record that could be
 * read and reporting the rest, so `kb:check` can list all problems at once.
 */
export function loadCatalogue(dir: string = DEFAULT_TRAINING_DIR): LoadedCatalogue {
  const problems: ContentProblem[] = [];
  const courses = loadCourses(path.join(dir, COURSES_FILE), problems);
  const sessions = loadSessions(path.join(dir, SESSIONS_FILE), problems);
  return { catalogue: { courses, sessions }, problems };
}

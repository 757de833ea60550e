import fs from 'node:fs';
import yaml from 'js-yaml';
import { z } from 'zod';
import { COUNCILS } from '../../../knowledge/entry';
import { isRole, isSector } from '../../../knowledge/workforce';

/** The directory attributes a rule can look at, as Graph names them. */
export const DIRECTORY_ATTRIBUTES = ['department', 'jobTitle', 'officeLocation', 'companyName'] as const;
export type DirectoryAttribute = (typeof DIRECTORY_ATTRIBUTES)[number];
export type DirectoryAttributes = Partial<Record<DirectoryAttribute, string | null | undefined>>;

/** The targeting fields a rule can set, as profiles and audiences name them. */
export const TARGET_FIELDS = ['sector', 'role', 'locality', 'team', 'authority'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type Targeting = Partial<Record<TargetField, string>>;

const pattern = z.string().trim().min(1).max(300);
const ruleSchema = z
  .object({
    /** Every attribute named must match: exact text (any case), or /a regular expression/flags; a list means any of them. */
    match: z
      .partialRecord(z.enum(DIRECTORY_ATTRIBUTES), z.union([pattern, z.array(pattern).min(1)]))
      .refine((m) => Object.keys(m).length > 0, 'name at least one attribute to match'),
    /** The targeting it gives; {{attribute}} copies the attribute's text (e.g. locality: "{{officeLocation}}"). */
    set: z.partialRecord(z.enum(TARGET_FIELDS), z.string().trim().min(1).max(80)).refine((s) => Object.keys(s).length > 0, 'set at least one field'),
  })
  .strict();

const fileSchema = z
  .object({
    owner: z.string().trim().min(1, 'name who keeps this file'),
    review_by: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-06-30')),
    rules: z.array(ruleSchema).max(2000),
  })
  .strict();

interface Matcher {
  attribute: DirectoryAttribute;
  test: (value: string) => boolean;
}

interface CompiledRule {
  matchers: Matcher[];
  set: Targeting;
}

/** Why a value a rule sets cannot be used for targeting, or undefined when it can. */
function valueProblem(field: TargetField, value: string): string | undefined {
  if (/\{\{\w+\}\}/.test(value)) return undefined;
  if (field === 'sector' && !isSector(value)) return `"${value}" is not a sector id`;
  if (field === 'role' && !isRole(value)) return `"${value}" is not a role id`;
  if (field === 'authority' && !(COUNCILS as string[]).includes(value)) return `"${value}" is not a council (${COUNCILS.join(', ')})`;
  return undefined;
}

function compileTest(text: string): (value: string) => boolean {
  const regex = /^\/(.+)\/([imsu]*)$/.exec(text);
  if (regex) {
    const re = new RegExp(regex[1], regex[2]);
    return (value) => re.test(value);
  }
  const wanted = text.trim().toLowerCase();
  return (value) => value.trim().toLowerCase() === wanted;
}

/**
 * The comms team's mapping from directory attributes (department, job title, office location,
 * company name) to targeting (sector, role, locality, team, authority). Rules apply in order; for
 * each field the first matching rule that sets it wins.
 */
export class AttributeMapping {
  private constructor(
    readonly owner: string,
    readonly reviewBy: string,
    private readonly rules: CompiledRule[],
  ) {}

  /** An empty mapping: the directory gives no targeting, self-declared settings do everything. */
  static empty(): AttributeMapping {
    return new AttributeMapping('nobody', '9999-12-31', []);
  }

  /** Reads and checks a mapping (YAML text); throws naming every problem with its rule number. */
  static parse(text: string, source = 'the attribute mapping'): AttributeMapping {
    let raw: unknown;
    try {
      raw = yaml.load(text);
    } catch (err) {
      throw new Error(`${source} is not valid YAML: ${(err as Error).message}`, { cause: err });
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${source} has problems:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    const problems: string[] = [];
    const rules = parsed.data.rules.map((rule, n) => {
      const matchers: Matcher[] = [];
      for (const [attribute, given] of Object.entries(rule.match) as [DirectoryAttribute, string | string[]][]) {
        const tests: ((v: string) => boolean)[] = [];
        for (const text of Array.isArray(given) ? given : [given]) {
          try {
            tests.push(compileTest(text));
          } catch (err) {
            problems.push(`  rules.${n}.match.${attribute}: ${(err as Error).message}`);
          }
        }
        matchers.push({ attribute, test: (v) => tests.some((t) => t(v)) });
      }
      for (const [field, value] of Object.entries(rule.set) as [TargetField, string][]) {
        const problem = valueProblem(field, value);
        if (problem) problems.push(`  rules.${n}.set.${field}: ${problem}`);
      }
      return { matchers, set: rule.set as Targeting };
    });
    if (problems.length) throw new Error(`${source} has problems:\n${problems.join('\n')}`);
    return new AttributeMapping(parsed.data.owner, parsed.data.review_by, rules);
  }

  /** Reads the mapping file; a missing file is an empty mapping (no directory targeting). */
  static load(file: string): AttributeMapping {
    if (!fs.existsSync(file)) return AttributeMapping.empty();
    return AttributeMapping.parse(fs.readFileSync(file, 'utf8'), file);
  }

  get size(): number {
    return this.rules.length;
  }

  /** The targeting one person's directory attributes give; fields no rule sets are left out. */
  apply(attributes: DirectoryAttributes): Targeting {
    const out: Targeting = {};
    for (const rule of this.rules) {
      const matches = rule.matchers.every((m) => {
        const value = attributes[m.attribute];
        return typeof value === 'string' && value.trim() !== '' && m.test(value);
      });
      if (!matches) continue;
      for (const [field, template] of Object.entries(rule.set) as [TargetField, string][]) {
        if (out[field] !== undefined) continue;
        const value = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (attributes[name as DirectoryAttribute] ?? '').trim()).trim();
        // A copied attribute must still be a valid id for the closed lists (sector, role, authority).
        if (value && !valueProblem(field, value)) out[field] = value;
      }
    }
    return out;
  }
}

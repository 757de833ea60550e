import fs from 'node:fs';
import path from 'node:path';
// The Teams schemas are JSON Schema draft-04, which Ajv 8 reads only through this official Ajv
// class; it is the same validator @microsoft/app-manifest uses, and comes with it.
import Ajv from 'ajv-draft-04';
import type { ErrorObject } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** Raised when a manifest does not match its schema, carrying one message per schema error. */
export class ManifestInvalidError extends Error {
  constructor(readonly errors: string[]) {
    super(`The Teams app manifest does not match its schema:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  }
}

/** The published URL of the Teams manifest schema for a manifest version such as "1.30". */
export function schemaUrlFor(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

/**
 * The copy of the Teams manifest schema that @microsoft/app-manifest bundles for this version,
 * so validation works offline; throws when the version is not bundled.
 */
export function bundledSchemaPath(manifestVersion: string): string {
  if (!/^\d+\.\d+$/.test(manifestVersion)) throw new Error(`"${manifestVersion}" is not a Teams manifest version such as 1.30`);
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`@microsoft/app-manifest does not bundle the Teams manifest schema v${manifestVersion}`);
  return file;
}

/** One line per schema error: where in the manifest, what is wrong, and the offending detail. */
function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const p = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? `: "${String(p.additionalProperty)}"`
      : error.keyword === 'enum'
        ? `: ${JSON.stringify(p.allowedValues)}`
        : error.keyword === 'const'
          ? `: ${JSON.stringify(p.allowedValue)}`
          : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/**
 * Checks a manifest against the bundled schema for its own manifestVersion, offline.
 * @returns one readable message per error; empty when the manifest is valid
 */
export function validateManifest(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing: it picks the schema to validate against'];
  let schemaFile: string;
  try {
    schemaFile = bundledSchemaPath(version);
  } catch (err) {
    return [`/manifestVersion ${(err as Error).message}`];
  }
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object;
  // Strict, except where Microsoft's schema leaves "type" implicit or requires properties it declares elsewhere.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  // A JSON round trip validates exactly what the package will contain (no undefined-valued keys).
  const valid = validate(JSON.parse(JSON.stringify(manifest)));
  const errors = valid ? [] : (validate.errors ?? []).map(describe);
  // The schema itself cannot check that $schema names the same version that manifestVersion does.
  const declared = (manifest as { $schema?: unknown }).$schema;
  if (declared !== undefined && declared !== schemaUrlFor(version))
    errors.push(`/$schema must be ${schemaUrlFor(version)} to match manifestVersion ${version}`);
  return errors;
}

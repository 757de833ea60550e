/** One thing wrong with a request: the field it belongs to (as the API names it) and what to do about it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one answer to every validation failure: 422 with each problem and the field it belongs to. */
export function validationFailure(what: string, problems: FieldProblem[]) {
  return {
    status: 422,
    body: {
      error: 'ValidationError',
      message: `The ${what} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; see problems.`,
      problems,
      errors: problems.map((p) => p.message),
    },
  };
}

/** A schema's issues as field problems; an issue about the whole body is named `whole`. */
export function schemaProblems(issues: readonly { path: PropertyKey[]; message: string }[], whole: string): FieldProblem[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || whole, message: i.message }));
}

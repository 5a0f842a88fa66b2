import type { CombinedError } from 'urql';

/** One problem the API reported: its Vietnamese message and the field it names (if any). */
export interface ApiProblem {
  readonly message: string;
  readonly field?: string;
  readonly code?: string;
}

/** The API's problems, in its own words; a network failure gets a Vietnamese sentence of ours. */
export function problemsOf(error: CombinedError | undefined | null): ApiProblem[] {
  if (!error) return [];
  if (error.networkError && !error.graphQLErrors.length) return [{ message: 'Không kết nối được với máy chủ. Vui lòng thử lại.' }];
  const problems = error.graphQLErrors.map((e) => ({
    message: e.message,
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
  }));
  // The same refusal on every row of a list is one problem to the reader.
  return problems.filter((p, i) => problems.findIndex((q) => q.message === p.message && q.field === p.field) === i);
}

/** The field path without the mutation's argument name: "input.sections[0].title" → "sections[0].title". */
export function fieldPath(field: string | undefined): string | undefined {
  return field?.replace(/^input\./, '');
}

/** Problems by field, for forms: the first message per field; the rest (no field or unknown) apart. */
export function splitProblems(problems: ApiProblem[], knownFields: readonly string[]): { byField: Record<string, string>; other: ApiProblem[] } {
  const byField: Record<string, string> = {};
  const other: ApiProblem[] = [];
  for (const problem of problems) {
    const path = fieldPath(problem.field);
    if (path && knownFields.includes(path) && !byField[path]) byField[path] = problem.message;
    else other.push(problem);
  }
  return { byField, other };
}

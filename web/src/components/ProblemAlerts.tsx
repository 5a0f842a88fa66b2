import { Alert } from 'antd';
import type { ApiProblem } from '../lib/errors';

/** The problems of an answer, each an error announced to screen readers; `gap` below each one (inside a form, above its button). */
export function ProblemAlerts({ problems, gap }: { problems: readonly ApiProblem[]; gap?: number }) {
  return (
    <>
      {problems.map((p) => (
        <Alert key={p.message} type="error" showIcon title={p.message} role="alert" style={gap === undefined ? undefined : { marginBottom: gap }} />
      ))}
    </>
  );
}

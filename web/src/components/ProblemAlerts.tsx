import { Alert } from 'antd';
import type { CombinedError } from 'urql';
import { problemsOf, type ApiProblem } from '../lib/errors';

/** The problems of an answer, each an error announced to screen readers; `gap` below each one (inside a form, above its button). */
export function ProblemAlerts({ problems, gap }: { problems: readonly ApiProblem[]; gap?: number }) {
  return (
    <>
      {problems.map((p) => (
        <Alert
          key={p.message + (p.field ?? '')}
          type="error"
          showIcon
          title={p.message}
          role="alert"
          style={gap === undefined ? undefined : { marginBottom: gap }}
        />
      ))}
    </>
  );
}

/** An entity's page while the entity is not there: loading, what went wrong, or `missing` ("Không tìm thấy báo cáo."). */
export function NotLoaded({ fetching, error, missing }: { fetching: boolean; error?: CombinedError; missing: string }) {
  return <div className="page">{fetching ? 'Đang tải…' : (problemsOf(error)[0]?.message ?? missing)}</div>;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsRegistry, pathLabel } from './metrics';

describe('metrics', () => {
  const names = () => metricsRegistry.getMetricsAsArray().map((metric) => metric.name);

  it('registers the platform metrics docs/operations.md lists', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'reform_http_request_duration_seconds',
        'reform_event_store_append_duration_seconds',
        'reform_relay_lag_events',
        'reform_relay_lag_seconds',
        'reform_consumer_lag_messages',
        'reform_pending_jobs',
        'reform_dead_letters',
      ]),
    );
    const documented = [...readFileSync(join(__dirname, '../../../../docs/operations.md'), 'utf8').matchAll(/`(reform_[a-z_]+)`/g)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(names().filter((name) => name.startsWith('reform_'))));
  });

  it('the Grafana dashboard queries only metrics that exist (histograms by their _bucket and _count series)', () => {
    const dashboard = JSON.parse(readFileSync(join(__dirname, '../../../../infra/observability/grafana/dashboards/reform-platform.json'), 'utf8'));
    const queried = dashboard.panels.flatMap((panel: { targets: Array<{ expr: string }> }) =>
      panel.targets.flatMap((target) => [...target.expr.matchAll(/\b(reform_[a-z_]+)/g)].map((m) => m[1])),
    );
    const series = new Set(names().flatMap((name) => [name, `${name}_bucket`, `${name}_count`, `${name}_sum`]));
    expect(queried.length).toBeGreaterThanOrEqual(8);
    expect(queried.filter((name: string) => !series.has(name))).toEqual([]);
  });

  it('labels paths from a short list, everything else as other', () => {
    expect(pathLabel('/graphql?query={me}')).toBe('/graphql');
    expect(pathLabel('/health/ready')).toBe('/health/ready');
    expect(pathLabel('/ke-hoach/123')).toBe('other');
  });
});

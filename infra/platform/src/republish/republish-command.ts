import { DataSource } from 'typeorm';
import { loadConfig, natsConfig } from '@reform/config';
import {
  databaseUrlOption,
  GlobalPosition,
  OperatorCommandOutput,
  parseCommandLine,
  positiveIntegerOption,
  PostgresEventStore,
  runOperatorCommand,
  serviceArgument,
  serviceDataSourceOptions,
  UsageError,
} from '@reform/event-store';
import {
  countCommittedAfter,
  IntegrationEventMapper,
  JetStreamBus,
  parseGlobalPosition,
  positionBeforeInstant,
  relayMapper,
  republishEvents,
} from '@reform/messaging';
import { DIRECTORY_SCHEMA, publishDirectoryEvent } from '@reform/directory';
import { PLANS_SCHEMA, publishPlanEvent } from '@reform/plans';
import { publishAssignmentEvent, TASKS_SCHEMA } from '@reform/tasks';
import { publishReportingEvent, REPORTING_SCHEMA } from '@reform/reporting';
import { publishScoringEvent, SCORING_SCHEMA } from '@reform/scoring';

/** Each service's schema and what its relay publishes (the same mapping as its MessagingModule). */
export const REPUBLISHABLE_SERVICES: Readonly<Record<string, { readonly schema: string; readonly map: IntegrationEventMapper | null }>> = {
  directory: { schema: DIRECTORY_SCHEMA, map: relayMapper('directory', publishDirectoryEvent) },
  plans: { schema: PLANS_SCHEMA, map: relayMapper('plans', publishPlanEvent) },
  tasks: { schema: TASKS_SCHEMA, map: relayMapper('tasks', publishAssignmentEvent) },
  reporting: { schema: REPORTING_SCHEMA, map: relayMapper('reporting', publishReportingEvent) },
  scoring: { schema: SCORING_SCHEMA, map: relayMapper('scoring', publishScoringEvent) },
};

export const REPUBLISH_USAGE = [
  'usage: npm run republish -- <directory|plans|tasks|reporting|scoring> (--from-position <transaction id>/<position> | --from-instant <ISO 8601>)',
  '                          [--batch-size N] [--database-url URL]',
  "  publishes again, in commit order, the service's events after the position (exclusive: a relay checkpoint,",
  '  0/0 for all) or from the first event recorded at or after the instant, as its outbox relay would, until it has sent',
  '  every event committed when it started. JetStream drops',
  "  repeated event ids inside its duplicate window and each consumer's inbox drops the rest: nothing is applied twice.",
  '  The live relay and its checkpoint are left alone. Database from $DATABASE_URL, NATS from $NATS_URL and $NATS_PREFIX.',
  'Exit codes: 0 republished, 2 usage error or failure.',
].join('\n');

export type RepublishCommandOutput = OperatorCommandOutput;

const n = (value: number) => value.toLocaleString('en-US');
const at = (p: GlobalPosition) => `${p.transactionId}/${p.position}`;

/** `npm run republish -- <service> ...` (issue 11). Returns the exit code. */
export async function runRepublishCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  output: RepublishCommandOutput = {},
): Promise<number> {
  return runOperatorCommand('republish', REPUBLISH_USAGE, output, async ({ print, printError, closeAtEnd }) => {
    const { positional: service, options } = parseCommandLine(argv, ['database-url', 'batch-size', 'from-position', 'from-instant']);
    const target = serviceArgument(service, REPUBLISHABLE_SERVICES, 'republish');
    if (!target.map) throw new UsageError(`the ${service} service publishes nothing`);
    if ((options['from-position'] === undefined) === (options['from-instant'] === undefined))
      throw new UsageError('give exactly one of --from-position and --from-instant');
    let from: GlobalPosition | null = null;
    if (options['from-position'] !== undefined) {
      try {
        from = parseGlobalPosition(options['from-position']);
      } catch (error) {
        throw new UsageError(`--from-position: ${(error as Error).message}`);
      }
    }
    const instantText = options['from-instant'];
    const instant = instantText === undefined ? null : new Date(instantText);
    if (instant && (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(instantText ?? ''))) {
      throw new UsageError(`--from-instant "${instantText}" is not an ISO 8601 instant, e.g. 2026-12-01T08:00:00Z`);
    }
    const batchSize = positiveIntegerOption(options, 'batch-size', 500);
    const url = databaseUrlOption(options, env);
    const nats = loadConfig(natsConfig, env);

    const dataSource = new DataSource(serviceDataSourceOptions({ url, schema: target.schema, poolSize: 2, applicationName: `reform-republish-${service}` }));
    closeAtEnd(() => dataSource.destroy());
    await dataSource.initialize();
    if (instant) {
      from = await positionBeforeInstant(dataSource, target.schema, instant);
      if (!from) {
        print(`no event of ${service} was recorded at or after ${instant.toISOString()}: nothing to republish`);
        return 0;
      }
      printError(`the first event recorded at or after ${instant.toISOString()} follows position ${at(from)}`);
    }
    if (!from) throw new Error('no position to republish from');
    const start: GlobalPosition = from;
    const bus = await JetStreamBus.connect({ servers: nats.NATS_URL, prefix: nats.NATS_PREFIX, name: `reform-republish-${service}` });
    closeAtEnd(() => bus.close());
    printError(`republishing the events of ${service} (schema ${target.schema}) after position ${at(start)} to ${nats.NATS_URL}`);
    let lastLine = 0;
    const committed = await countCommittedAfter(dataSource, target.schema, start);
    const result = await republishEvents({
      committed,
      store: new PostgresEventStore(dataSource, target.schema),
      bus,
      map: target.map,
      from: start,
      batchSize,
      onPage: (p) => {
        if (Date.now() - lastLine < 1000) return;
        lastLine = Date.now();
        printError(`${n(p.events)} events read, ${n(p.published)} published, position ${at(p.position)}`);
      },
    });
    print(`republished ${n(result.published)} messages of ${service} (${n(result.events)} events read) from position ${at(start)} to ${at(result.position)}`);
    if (result.heldBack > 0) {
      printError(
        `republish: ${n(result.heldBack)} events committed after ${at(result.position)} were held back for 30 s by a transaction still running in the cluster ` +
          `(readAll does not pass the oldest one); run again with --from-position ${at(result.position)}`,
      );
      return 2;
    }
    return 0;
  });
}

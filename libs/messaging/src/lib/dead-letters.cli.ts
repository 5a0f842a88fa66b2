import { DataSource } from 'typeorm';
import { databaseConfig, loadConfig, natsConfig } from '@reform/config';
import { assertSchemaName } from '@reform/event-store';
import { JetStreamBus, jetStreamOptionsFrom } from './jetstream-bus';
import { StoredDeadLetter, StoredDeadLetters } from './jobs/job-queue';

export const DEAD_LETTERS_USAGE = [
  'usage: npm run dead-letters -- <command>',
  '  On NATS JetStream (NATS_URL, NATS_PREFIX): messages a consumer gave up on',
  '    list [consumer]              one line per dead letter: id, consumer, event, attempts, error',
  "    replay <id>                  puts the message back on its subject (consumers' inboxes",
  '                                 make sure only the one that failed applies it)',
  "  In a service's PostgreSQL schema (DATABASE_URL): jobs past their attempts, events the relay could not map",
  '    <service> list [queue]       one line per dead letter: id, source, queue, key, name, attempts, first and last failure, error',
  '    <service> retry <id>         a job goes back to its queue; a relay event is mapped and published again',
  '    <service> discard <id>       given up for good (a job is marked discarded)',
  '    <service> counts             pending jobs and dead letters per queue',
].join('\n');

/** `npm run dead-letters -- …` (ADR 0024 for the PostgreSQL side). Returns the exit code. */
export async function runDeadLettersCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'list' || first === 'replay') return jetStreamCommand(first, rest[0], env, print);
  if (first && /^[a-z_][a-z0-9_]*$/.test(first) && rest.length > 0) return serviceCommand(first, rest, env, print);
  print(DEAD_LETTERS_USAGE);
  return 2;
}

async function jetStreamCommand(
  command: 'list' | 'replay',
  argument: string | undefined,
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<number> {
  if (command === 'replay' && !argument) {
    print(DEAD_LETTERS_USAGE);
    return 2;
  }
  const config = loadConfig(natsConfig, env);
  const bus = await JetStreamBus.connect(jetStreamOptionsFrom(config, 'reform-dead-letters'));
  try {
    if (command === 'list') {
      const letters = await bus.deadLetters(argument);
      for (const letter of letters) {
        print(
          `${letter.id}\t${letter.consumer}\t${letter.message.name} ${letter.message.eventId}\t${letter.attempts} attempts\t${letter.failedAt}\t${letter.error}`,
        );
      }
      print(`${letters.length} dead letter(s)`);
      return 0;
    }
    const message = await bus.republishDeadLetter(argument as string);
    print(`Republished ${message.name} ${message.eventId} on ${message.subject}`);
    return 0;
  } finally {
    await bus.close();
  }
}

async function serviceCommand(
  service: string,
  [command, argument]: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<number> {
  if (!['list', 'retry', 'discard', 'counts'].includes(command) || ((command === 'retry' || command === 'discard') && !argument)) {
    print(DEAD_LETTERS_USAGE);
    return 2;
  }
  const schema = assertSchemaName(service);
  const { DATABASE_URL } = loadConfig(databaseConfig, env);
  const dataSource = new DataSource({ type: 'postgres', url: DATABASE_URL, extra: { max: 2, application_name: 'reform-dead-letters' } });
  await dataSource.initialize();
  try {
    const letters = new StoredDeadLetters(dataSource, schema);
    if (command === 'list') {
      const all = await letters.list(argument);
      for (const letter of all) print(line(letter));
      print(`${all.length} dead letter(s) in ${schema}`);
      return 0;
    }
    if (command === 'counts') {
      const counts = await letters.counts();
      for (const count of counts) print(`${count.source}\t${count.queue}\t${count.pending} pending\t${count.deadLetters} dead letter(s)`);
      if (counts.length === 0) print(`no job pending and no dead letter in ${schema}`);
      return 0;
    }
    const done = command === 'retry' ? await letters.retry(argument) : await letters.discard(argument);
    if (!done) {
      print(`no dead letter ${argument} in ${schema}`);
      return 1;
    }
    const what = `${done.source} ${done.queue} ${done.name} ${done.source === 'job' ? `job ${done.ref}` : `event ${done.ref}`}`;
    if (command === 'discard') print(`Discarded dead letter ${done.id}: ${what}`);
    else print(`Retrying dead letter ${done.id}: ${what} (${done.source === 'job' ? 'back in its queue' : 'the relay publishes it at its next step'})`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function line(letter: StoredDeadLetter): string {
  const retry = letter.retryRequestedAt ? '\tretry requested' : '';
  return `${letter.id}\t${letter.source}\t${letter.queue}\t${letter.key}\t${letter.name} ${letter.ref}\t${letter.attempts} attempts\t${letter.firstFailedAt.toISOString()}\t${letter.lastFailedAt.toISOString()}\t${letter.error}${retry}`;
}

if (require.main === module) {
  runDeadLettersCommand(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

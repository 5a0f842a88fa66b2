import { loadConfig, natsConfig } from '@reform/config';
import { JetStreamBus, jetStreamOptionsFrom } from './jetstream-bus';

/**
 * Operators' command for dead letters on NATS JetStream:
 *   dead-letters list [consumer]     one line per dead letter: id, consumer, event, attempts, error
 *   dead-letters replay <id>         puts the message back on its subject (consumers' inboxes
 *                                    make sure only the one that failed applies it)
 * Returns the exit code.
 */
export async function runDeadLettersCommand(argv: readonly string[], env: Record<string, string | undefined>, print: (line: string) => void = console.log): Promise<number> {
  const config = loadConfig(natsConfig, env);
  const [command, argument] = argv;
  const bus = await JetStreamBus.connect(jetStreamOptionsFrom(config, 'reform-dead-letters'));
  try {
    if (command === 'list') {
      const letters = await bus.deadLetters(argument);
      for (const letter of letters) {
        print(`${letter.id}\t${letter.consumer}\t${letter.message.name} ${letter.message.eventId}\t${letter.attempts} attempts\t${letter.failedAt}\t${letter.error}`);
      }
      print(`${letters.length} dead letter(s)`);
      return 0;
    }
    if (command === 'replay' && argument) {
      const message = await bus.republishDeadLetter(argument);
      print(`Republished ${message.name} ${message.eventId} on ${message.subject}`);
      return 0;
    }
    print('usage: dead-letters list [consumer] | dead-letters replay <id>');
    return 2;
  } finally {
    await bus.close();
  }
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

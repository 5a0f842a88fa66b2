import { z } from 'zod';
import { loadConfig } from '@reform/config';
import { runServiceProcess } from '@reform/subgraph';
import { createTasksApp } from './app';

/**
 * The tasks service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4103 by default. Its copy of the
 * units and the plans it assigns arrive as events on NATS. FAN_OUT_CHUNK_SIZE (default 2,000)
 * is how many assignments one fan-out transaction creates; FAN_OUT_PARALLEL_CHUNKS (default 2)
 * how many such transactions run at once.
 */
runServiceProcess('tasks', 4103, (options) => {
  const { FAN_OUT_CHUNK_SIZE, FAN_OUT_PARALLEL_CHUNKS } = loadConfig({
    FAN_OUT_CHUNK_SIZE: z.coerce.number().int().min(1).max(50_000).default(2_000),
    FAN_OUT_PARALLEL_CHUNKS: z.coerce.number().int().min(1).max(8).default(2),
  });
  return createTasksApp({ ...options, fanOut: { chunkSize: FAN_OUT_CHUNK_SIZE, parallelChunks: FAN_OUT_PARALLEL_CHUNKS } });
});

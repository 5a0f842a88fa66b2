import { z } from 'zod';

/**
 * Typed configuration from the environment, composed from shared fragments. A missing or
 * malformed variable stops the process at start with a message naming it.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<Shape extends z.ZodRawShape>(shape: Shape, env: Record<string, string | undefined> = process.env): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const url = (protocols: string[]) =>
  z.string().refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), { message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` });

/** Fragments each process composes. */
export const databaseConfig = { DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/reform') };
export const natsConfig = {
  NATS_URL: url(['nats', 'tls']).default('nats://127.0.0.1:4222'),
  /** Namespaces streams and subjects (several platforms on one NATS); empty in production. */
  NATS_PREFIX: z.string().regex(/^[A-Za-z0-9_]*$/, 'letters, digits and underscores only').default(''),
};
export const httpConfig = (defaultPort: number) => ({ PORT: port(defaultPort), HOST: z.string().default('0.0.0.0') });
export const portConfig = <Name extends string>(name: Name, defaultPort: number) => ({ [name]: port(defaultPort) }) as { [K in Name]: ReturnType<typeof port> };

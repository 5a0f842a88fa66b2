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
  z.string().refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

/** Fragments each process composes. */
export const databaseConfig = { DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/reform') };
/**
 * NATS_URL: one server or a cluster's seed list, comma-separated (`nats://n1:4222,nats://n2:4222`);
 * each entry must be a nats:// or tls:// URL. Required: a distributed process never falls back
 * silently to a server on its own machine. The stream settings (ADR 0004): NATS_STREAM_REPLICAS
 * (1–5; default 3 on a cluster, else 1), NATS_STREAM_STORAGE (file | memory, default file),
 * NATS_STREAM_PLACEMENT_CLUSTER and NATS_STREAM_PLACEMENT_TAGS (comma-separated) where replicas go.
 */
export const natsConfig = {
  NATS_URL: z.string({ message: 'is required: nats://host:4222, or a cluster as nats://n1:4222,nats://n2:4222,...' }).transform((value, context) => {
    const servers = value.split(',').map((entry) => entry.trim());
    for (const server of servers) {
      if (!/^(nats|tls):\/\/[^\s,/]+(:\d+)?\/?$/.test(server))
        context.addIssue({ code: 'custom', message: `"${server}" must be a URL starting with nats:// or tls:// (comma-separated for a cluster)` });
    }
    return servers.join(',');
  }),
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).optional(),
  NATS_STREAM_STORAGE: z.enum(['file', 'memory'], { message: 'must be file or memory' }).default('file'),
  NATS_STREAM_PLACEMENT_CLUSTER: z.string().optional(),
  NATS_STREAM_PLACEMENT_TAGS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean)
        : [],
    ),
  /** Namespaces streams and subjects (several platforms on one NATS); empty in production. */
  NATS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_]*$/, 'letters, digits and underscores only')
    .default(''),
};
export const httpConfig = (defaultPort: number) => ({ PORT: port(defaultPort), HOST: z.string().default('0.0.0.0') });
export const portConfig = <Name extends string>(name: Name, defaultPort: number) => ({ [name]: port(defaultPort) }) as { [K in Name]: ReturnType<typeof port> };
export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

/** Session token keys, `kid:secret[,kid:secret]` (first signs); libs/auth parses and checks them. */
export const authConfig = {
  AUTH_SIGNING_KEYS: z
    .string({ message: 'is required: kid:secret[,kid:secret], the first signs' })
    .min(1, 'is required: kid:secret[,kid:secret], the first signs'),
};

/** The gateway's subgraphs, `name=url[,name=url]`. */
export const subgraphsConfig = (fallback: string) => ({
  SUBGRAPHS: z
    .string()
    .default(fallback)
    .transform((value, context) =>
      value.split(',').flatMap((entry) => {
        const [name, url] = entry.trim().split(/=(.*)/s);
        if (/^[a-z][a-z0-9_]*$/.test(name ?? '') && /^https?:\/\/\S+$/.test(url ?? '')) return [{ name, url }];
        context.addIssue({ code: 'custom', message: `"${entry.trim()}" must look like name=http://host:port/graphql` });
        return [];
      }),
    ),
});

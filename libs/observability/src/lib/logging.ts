import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, LevelWithSilent, Logger } from 'pino';
import type { Options as HttpLoggingOptions } from 'pino-http';
import pretty from 'pino-pretty';
import { currentLogContext } from './log-context';
import { logTraceFields } from './tracing';

/**
 * Logs of every process (docs/operations.md): one JSON object per line on stdout (pino), with the
 * service, the request id and the correlation id of the events at hand; human-readable lines
 * (pino-pretty) when stdout is a terminal, unless LOG_FORMAT=json. LOG_LEVEL sets the level
 * (trace, debug, info, warn, error, fatal, silent; info by default).
 */

const REDACTED = '[redacted]';

/** Keys whose values never reach a log line, at any depth up to three (pino's redaction). */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'body',
  'variables',
  'query',
  'x-reform-forwarded',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const at = /^[a-zA-Z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (at.startsWith('[') ? `${prefix}${at}` : `${prefix}.${at}`);
  return [at, join('*'), join('*.*')];
});

/**
 * Tokens that might hide inside a message or a stack (an error quoting a header): bearer
 * credentials and anything shaped like a JWS (header.payload.signature in base64url).
 */
const TOKEN_IN_TEXT = /(Bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;
export const scrubText = (text: string): string => text.replace(TOKEN_IN_TEXT, (_, bearer?: string) => (bearer ? `${bearer}${REDACTED}` : REDACTED));

/** Where lines go: stdout, or what a test redirects them to. */
class LogSink {
  target: DestinationStream = defaultTarget();
  write(line: string): void {
    this.target.write(line);
  }
}

function defaultTarget(): DestinationStream {
  if (process.stdout.isTTY && process.env['LOG_FORMAT'] !== 'json') {
    return pretty({ colorize: true, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l o', ignore: 'pid,hostname', sync: true });
  }
  return process.stdout;
}

const LEVELS: readonly LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
function levelFromEnvironment(): LevelWithSilent {
  const given = process.env['LOG_LEVEL']?.toLowerCase() as LevelWithSilent | undefined;
  return given && LEVELS.includes(given) ? given : 'info';
}

let sink: LogSink | null = null;
let root: Logger | null = null;

/** The process's one pino logger: the services' Nest loggers, their request logs and the gateway's all write through it. */
export function processLogger(): Logger {
  root ??= pinoOnSink(levelFromEnvironment());
  return root;
}

/** A pino logger writing to the process's sink, redacting and shaping lines as every other. */
function pinoOnSink(level: LevelWithSilent): Logger {
  sink ??= new LogSink();
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // The request id and the correlation id of whatever this line was written while doing, and
      // with tracing on the trace and span it belongs to.
      mixin: () => ({ ...currentLogContext(), ...logTraceFields() }),
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) =>
              typeof arg === 'string'
                ? scrubText(arg)
                : arg instanceof Error
                  ? Object.assign(arg, { message: scrubText(arg.message), stack: arg.stack && scrubText(arg.stack) })
                  : arg,
            ) as Parameters<typeof method>,
          );
        },
      },
    },
    sink,
  );
}

export function setLogLevel(level: LevelWithSilent): void {
  processLogger().level = level;
}

/**
 * An operator's progress lines (the embedded start's steps, where the gateway listens): written
 * at LOG_LEVEL (info by default) whatever level the services log at, which the embedded mode
 * keeps at warn. Redacted and shaped like every other line.
 */
export function progressLogger(context: string): Logger {
  // Not a child of the process logger: pino's children follow their parent's later level changes.
  return pinoOnSink(levelFromEnvironment()).child({ context });
}

/** Sends every line to `target` until `restore()` (tests read what was logged). */
export function redirectLogs(target: DestinationStream): { restore(): void } {
  processLogger();
  const sinkNow = sink as LogSink;
  const previous = sinkNow.target;
  sinkNow.target = target;
  return { restore: () => (sinkNow.target = previous) };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: a well-formed X-Request-Id it came with (the gateway's), else a new one; answered in X-Request-Id. */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  if (!response.headersSent) response.setHeader('x-request-id', id);
  return id;
}

/** The path of a URL without its query string (a GET query may carry variables). */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * pino-http's options for a process's HTTP server: one line per request with its id, method,
 * path (no query string), status and time; never headers or bodies. Health and metrics probes
 * are not logged.
 */
export function httpLoggingOptions(service: string): HttpLoggingOptions {
  return {
    logger: processLogger(),
    genReqId: requestIdOf,
    customProps: () => ({ service }),
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => /^\/(health|healthcheck|readiness|metrics)(\/|\?|$)/.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  };
}

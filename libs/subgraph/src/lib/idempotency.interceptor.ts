import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { requestFingerprint, withIdempotencyKey } from '@reform/event-store';

/** The HTTP header a client sets to make a mutation safe to retry (forwarded by the gateway). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * Opens the idempotency context (libs/event-store idempotency.ts) around a GraphQL mutation
 * whose request carries `Idempotency-Key`: the key, scoped to the caller's account (anonymous
 * callers share one scope), and a fingerprint of the mutation's field and arguments. The
 * commands the resolver runs record the key with their events; a retry gets the first result.
 * Queries and requests without the header pass through untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ fieldName: string; operation?: { operation?: string } }>();
    if (info?.operation?.operation !== 'mutation') return next.handle();
    const request = gql.getContext<{ req?: { headers?: Record<string, string | string[] | undefined>; identity?: { accountId?: string } } }>().req;
    const header = request?.headers?.[IDEMPOTENCY_KEY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || key === '') return next.handle();
    const scope = request?.identity?.accountId ?? 'anonymous';
    const fingerprint = requestFingerprint({ field: info.fieldName, args: gql.getArgs() });
    // Subscribing inside the context makes the resolver's promise chain (its commands) see it.
    return new Observable((subscriber) => withIdempotencyKey({ scope, key, fingerprint }, () => next.handle().subscribe(subscriber)));
  }
}

/** Register in a subgraph's module `providers` beside API_ERROR_FILTER. */
export const IDEMPOTENCY_INTERCEPTOR = { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor };

import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '@reform/decider';
import { WrongExpectedVersionError } from '@reform/event-store';
import { queryLimitError } from './query-limits';

/**
 * Turns what resolvers throw into the API's error classes (API.md): a domain rule → its kind
 * (BAD_USER_INPUT naming the field, NOT_FOUND, CONFLICT) with the Vietnamese message; a
 * concurrent change → CONFLICT. Anything else is logged in English and answered without detail.
 */
@Catch()
export class ApiErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, {
        // `problems`: every problem of a command that checks many things at once (issuing a plan), each with its field, rule and message.
        extensions: {
          code: exception.kind,
          rule: exception.code,
          ...(exception.field ? { field: exception.field } : {}),
          ...(Array.isArray(exception.details.problems) ? { problems: exception.details.problems } : {}),
          // What a rule chooses to tell beyond the message (the plan that already has a number).
          ...(exception.details.extensions && typeof exception.details.extensions === 'object'
            ? (exception.details.extensions as Record<string, unknown>)
            : {}),
        },
      });
    }
    if (exception instanceof WrongExpectedVersionError) {
      return new GraphQLError('Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại.', {
        extensions: { code: 'CONFLICT', stream: exception.streamId, expectedVersion: exception.expectedVersion, actualVersion: exception.actualVersion },
      });
    }
    const status = (exception as { getStatus?: () => number })?.getStatus?.();
    if (status === 400) {
      // A BadRequestException (a pipe or a guard refusing the input): its response lists the fields and rules.
      const response = (exception as { getResponse: () => { message?: string[] | string } }).getResponse();
      return new GraphQLError('Dữ liệu nhập không hợp lệ.', { extensions: { code: 'BAD_USER_INPUT', details: response.message } });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new GraphQLError('Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

// What graphql-js says when a document is longer than `maxTokens`.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;
// What graphql-js says when a scalar refuses an argument, before our scalar's own (Vietnamese) reason.
// A value inside an input says where: `… got invalid value "x" at "input.days[1]"; reason`.
const INVALID_VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "\w+((?:\.\w+|\[\d+\])+)")?; ([\s\S]+)$/;
const INVALID_LITERAL = /^Expected value of type "[\w![\]]+", found [\s\S]*?; ([\s\S]+)$/;

/**
 * Last line of defence: no stack traces or internal details leave a subgraph. A value refused by
 * one of our scalars (a malformed DateTime or Date) is BAD_USER_INPUT with the scalar's Vietnamese
 * reason, naming the argument when graphql-js does (variables: the gateway passes every argument
 * to a subgraph as a variable of the argument's name).
 */
export function formatSubgraphError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens)
    return {
      message: queryLimitError('tokens', Number(tokens[1])).message,
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', rule: 'tokens', max: Number(tokens[1]) },
    };
  const variable = INVALID_VARIABLE.exec(formatted.message);
  if (variable) {
    // Through the gateway a variable is named `_<field>_<argument>`: users know the argument.
    // Inside an input, the path to the refused value follows the argument: `input.days[1]`.
    const field = (/^_[A-Za-z0-9]+_([A-Za-z]\w*?)(?:_\d+)?$/.exec(variable[1])?.[1] ?? variable[1]) + (variable[2] ?? '');
    return { ...formatted, message: `${field}: ${variable[3]}`, extensions: { ...extensions, code: 'BAD_USER_INPUT', field } };
  }
  const literal = INVALID_LITERAL.exec(formatted.message);
  if (literal) return { ...formatted, message: literal[1], extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
  return { ...formatted, extensions };
}

/** Register in a subgraph's module `providers` so every resolver's errors go through the filter. */
export const API_ERROR_FILTER = { provide: APP_FILTER, useClass: ApiErrorFilter };

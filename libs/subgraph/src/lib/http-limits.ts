import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The largest request body a subgraph reads (issue 12, finding 6). Above the gateway's
 * (GATEWAY_MAX_BODY_BYTES) so that what the gateway lets through is read whole and a long string
 * is refused by the input policy naming its field; a larger body sent straight to a subgraph is
 * refused by the body parser (HTTP 413) before anything is parsed.
 */
export const SUBGRAPH_MAX_BODY = '4mb';
/** What the gateway accepts from a client (bytes); a larger body gets BAD_USER_INPUT naming `body`. */
export const GATEWAY_MAX_BODY_BYTES = 2 * 1024 * 1024;

export function limitRequestBodies(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: SUBGRAPH_MAX_BODY });
}

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeSupergraph, fetchSubgraphSdl, SubgraphEndpoint } from './compose';

export interface GatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly subgraphs: readonly SubgraphEndpoint[];
}

export interface RunningGateway {
  readonly url: string;
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/**
 * The one GraphQL endpoint (`/graphql`): Hive Gateway runtime (MIT) over the composed subgraphs.
 * No business logic here. The caller's Authorization header goes on to every subgraph, which
 * verifies it itself.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = composeSupergraph(await Promise.all(options.subgraphs.map(async (s) => ({ ...s, sdl: await fetchSubgraphSdl(s) }))));
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: 'warn',
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
  });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    supergraphSdl,
    async close() {
      await runtime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

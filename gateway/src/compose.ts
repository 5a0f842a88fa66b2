import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

export interface SubgraphEndpoint {
  readonly name: string;
  /** The subgraph's GraphQL endpoint, e.g. http://127.0.0.1:4101/graphql */
  readonly url: string;
}

/** Asks a subgraph for its federation SDL (`{ _service { sdl } }`). */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!sdl) throw new Error(`Subgraph ${subgraph.name} at ${subgraph.url} did not return its SDL (HTTP ${response.status})`);
  return sdl;
}

export class CompositionError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Federation composition failed:\n- ${errors.join('\n- ')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDLs into a Federation 2 supergraph (MIT composition, ADR 0002). */
export function composeSupergraph(subgraphs: ReadonlyArray<SubgraphEndpoint & { sdl: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) throw new CompositionError(result.errors.map((error) => error.message));
  if (!result.supergraphSdl) throw new CompositionError(['no supergraph produced']);
  return result.supergraphSdl;
}

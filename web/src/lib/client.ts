import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { currentSession, signOut } from './session';

/** The gateway's one endpoint, beside the app (same origin; the dev server proxies it). */
export const client = new Client({
  url: '/graphql',
  exchanges: [
    mapExchange({
      onResult(result) {
        // An expired or disabled session: back to the sign-in page.
        if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && currentSession()) signOut();
        return result;
      },
    }),
    cacheExchange,
    fetchExchange,
  ],
  requestPolicy: 'cache-and-network',
  fetchOptions: () => {
    const session = currentSession();
    return session ? { headers: { authorization: `Bearer ${session.token}` } } : {};
  },
});

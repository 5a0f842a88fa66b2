import { z } from 'zod';
import { authConfig, booleanFlag, ConfigError, databaseConfig, httpConfig, loadConfig, natsConfig, subgraphsConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(4000) }, { NATS_URL: 'nats://127.0.0.1:4222' })).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/reform',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_PREFIX: '',
      NATS_STREAM_STORAGE: 'file',
      NATS_STREAM_PLACEMENT_TAGS: [],
      PORT: 4000,
      HOST: '0.0.0.0',
    });
  });

  it('names every malformed variable', () => {
    try {
      loadConfig({ ...databaseConfig, ...httpConfig(4000), SECRET: z.string().min(32) }, { DATABASE_URL: 'mysql://x', PORT: 'eighty' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
      expect(message).toMatch(/PORT: /);
      expect(message).toMatch(/SECRET: /);
    }
  });

  it('coerces numbers', () => {
    expect(loadConfig(httpConfig(4000), { PORT: '4400' }).PORT).toBe(4400);
  });
});

describe('fragments', () => {
  it('requires NATS_URL (no silent fallback) and takes a cluster list, checking each server', () => {
    expect(() => loadConfig(natsConfig, {})).toThrow(/NATS_URL: is required/);
    expect(loadConfig(natsConfig, { NATS_URL: 'nats://n1:4222, nats://n2:4222,tls://n3:4222' }).NATS_URL).toBe('nats://n1:4222,nats://n2:4222,tls://n3:4222');
    expect(() => loadConfig(natsConfig, { NATS_URL: 'nats://n1:4222,n2:4222' })).toThrow(
      /NATS_URL: "n2:4222" must be a URL starting with nats:\/\/ or tls:\/\//,
    );
    expect(
      loadConfig(natsConfig, { NATS_URL: 'nats://n1:4222', NATS_STREAM_REPLICAS: '3', NATS_STREAM_STORAGE: 'memory', NATS_STREAM_PLACEMENT_TAGS: 'ssd, hn' }),
    ).toMatchObject({
      NATS_STREAM_REPLICAS: 3,
      NATS_STREAM_STORAGE: 'memory',
      NATS_STREAM_PLACEMENT_TAGS: ['ssd', 'hn'],
    });
    expect(() => loadConfig(natsConfig, { NATS_URL: 'nats://n1:4222', NATS_STREAM_REPLICAS: '7' })).toThrow(/NATS_STREAM_REPLICAS/);
  });

  it('requires the token keys, naming the variable', () => {
    expect(() => loadConfig(authConfig, {})).toThrow(/AUTH_SIGNING_KEYS: is required/);
    expect(loadConfig(authConfig, { AUTH_SIGNING_KEYS: 'k1:secret' }).AUTH_SIGNING_KEYS).toBe('k1:secret');
  });

  it('reads the subgraph list and names a malformed entry', () => {
    expect(loadConfig(subgraphsConfig('directory=http://127.0.0.1:4101/graphql'), {}).SUBGRAPHS).toEqual([
      { name: 'directory', url: 'http://127.0.0.1:4101/graphql' },
    ]);
    expect(loadConfig(subgraphsConfig(''), { SUBGRAPHS: 'directory=http://d:4101/graphql, plans=http://p:4102/graphql' }).SUBGRAPHS).toEqual([
      { name: 'directory', url: 'http://d:4101/graphql' },
      { name: 'plans', url: 'http://p:4102/graphql' },
    ]);
    expect(() => loadConfig(subgraphsConfig(''), { SUBGRAPHS: 'directory=http://d:4101/graphql,plans' })).toThrow(
      /SUBGRAPHS: "plans" must look like name=http/,
    );
  });

  it('reads boolean flags and refuses anything else', () => {
    const shape = { IMPORT_UNITS: booleanFlag(true) };
    expect(loadConfig(shape, {}).IMPORT_UNITS).toBe(true);
    expect(loadConfig(shape, { IMPORT_UNITS: 'false' }).IMPORT_UNITS).toBe(false);
    expect(() => loadConfig(shape, { IMPORT_UNITS: 'maybe' })).toThrow(/IMPORT_UNITS: must be true or false/);
  });

  it('refuses an out-of-range port', () => {
    expect(() => loadConfig(httpConfig(4000), { PORT: '70000' })).toThrow(/PORT: /);
  });
});

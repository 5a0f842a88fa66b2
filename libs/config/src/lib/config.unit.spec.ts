import { z } from 'zod';
import { ConfigError, databaseConfig, httpConfig, loadConfig, natsConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(4000) }, {})).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/reform',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_PREFIX: '',
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

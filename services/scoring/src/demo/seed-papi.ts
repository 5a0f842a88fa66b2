import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { PapiImport } from '../write/import-papi-results/import-papi-results.graphql';

/** The repository's root (where nx.json is), from this file's folder in the sources or in dist/. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No repository root (nx.json) above ${from}`);
  }
}

export const PAPI_DATA = () => join(repositoryRoot(), 'docs', 'domain', 'data', 'papi');
export const PAPI_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;

/** Imports PAPI 2018–2024 from docs/domain/data/papi (idempotent: the same file twice is one import). */
export async function seedPapiResults(app: INestApplication): Promise<{ years: number; ranked: number }> {
  const papi = app.get(PapiImport);
  let ranked = 0;
  for (const year of PAPI_YEARS) {
    const fileName = `papi-${year}.csv`;
    ranked += (await papi.importAsSystem(year, readFileSync(join(PAPI_DATA(), fileName), 'utf8'), fileName)).ranked;
  }
  return { years: PAPI_YEARS.length, ranked };
}

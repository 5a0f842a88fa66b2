import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FrameworkVersionPublishedV1 } from '@reform/contracts';
import { Framework, FrameworkCatalogue } from '../../domain/frameworks/catalogue';
import { PLANS_SCHEMA as S } from '../../schema';

/** A framework as the replica keeps it: the latest version of its code. */
export interface ReplicatedFramework extends Framework {
  readonly version: number;
  readonly kind: string;
  readonly issuerCode: string | null;
  readonly publishedOn: string;
}

interface Row {
  code: string;
  version: number;
  kind: string;
  name: string;
  editions: Framework['editions'];
  issuer_code: string | null;
  published_on: string;
}

/**
 * Keeps a published framework version (ADR 0034). A version never changes, so a message seen
 * twice (a redelivery, a republish) inserts nothing the second time.
 */
export async function keepFrameworkVersion(manager: EntityManager, published: FrameworkVersionPublishedV1): Promise<void> {
  await manager.query(
    `INSERT INTO "${S}".frameworks (code, version, kind, name, editions, issuer_code, published_on) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code, version) DO NOTHING`,
    [published.code, published.version, published.kind, published.name, JSON.stringify(published.editions), published.issuerCode, published.publishedOn],
  );
}

/** The catalogue from published versions: the latest version of each code (what a replica holds, as a pure fold). */
export function catalogueOf(published: readonly FrameworkVersionPublishedV1[]): ReplicatedFramework[] {
  const latest = new Map<string, FrameworkVersionPublishedV1>();
  for (const p of published) if ((latest.get(p.code)?.version ?? 0) < p.version) latest.set(p.code, p);
  return [...latest.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => ({
      code: p.code,
      version: p.version,
      kind: p.kind,
      name: p.name,
      editions: p.editions,
      openSubItems: p.kind === 'PAPI_EDITION',
      issuerCode: p.issuerCode,
      publishedOn: p.publishedOn,
    }));
}

/** The plans service's copy of the framework catalogue, read for the decider and the `planFrameworks` query. */
@Injectable()
export class FrameworkReplica {
  private recent: { readonly at: number; readonly catalogue: Promise<ReplicatedFramework[]> } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For showing: a plan's sections each name their indicator, so one answer serves the reads of
   * the next second (a version published meanwhile shows a second later). Commands read `fresh()`.
   */
  catalogue(): Promise<ReplicatedFramework[]> {
    if (!this.recent || Date.now() - this.recent.at > 1000) {
      const catalogue = this.fresh();
      catalogue.catch(() => (this.recent = null));
      this.recent = { at: Date.now(), catalogue };
    }
    return this.recent.catalogue;
  }

  /** The latest version of every framework, by code, as the table holds it now. */
  async fresh(): Promise<ReplicatedFramework[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT DISTINCT ON (code) code, version, kind, name, editions, issuer_code, published_on::text FROM "${S}".frameworks ORDER BY code, version DESC`,
    );
    return rows.map((row) => ({
      code: row.code,
      version: row.version,
      kind: row.kind,
      name: row.name,
      editions: row.editions,
      openSubItems: row.kind === 'PAPI_EDITION',
      issuerCode: row.issuer_code,
      publishedOn: row.published_on,
    }));
  }
}

export type { FrameworkCatalogue };

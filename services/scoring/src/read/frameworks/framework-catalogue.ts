import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FrameworkDefinition, FrameworkSource } from '../../domain/framework/framework.decider';
import { CriterionNode, IndexSetDefinition } from '../../domain/framework/index-set';
import { SCORING_SCHEMA as S } from '../../schema';
import { FrameworkCriterionType, FrameworkType } from './framework.types';

interface Row {
  code: string;
  version: number;
  definition: FrameworkDefinition;
  source: FrameworkSource | null;
  published_on: string;
}

/** The published frameworks, every version, from the `frameworks` read model. */
@Injectable()
export class FrameworkCatalogue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(latestOnly: boolean): Promise<FrameworkType[]> {
    const rows: Row[] = await this.dataSource.query(
      latestOnly
        ? `SELECT DISTINCT ON (code) code, version, definition, source, published_on::text FROM "${S}".frameworks ORDER BY code, version DESC`
        : `SELECT code, version, definition, source, published_on::text FROM "${S}".frameworks ORDER BY code, version`,
    );
    return rows.map(frameworkView);
  }

  /** A version (the latest when none is given); null when unknown. */
  async definition(code: string, version?: number | null): Promise<{ version: number; definition: FrameworkDefinition } | null> {
    const [row]: Row[] = await this.dataSource.query(
      version
        ? `SELECT version, definition FROM "${S}".frameworks WHERE code = $1 AND version = $2`
        : `SELECT version, definition FROM "${S}".frameworks WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      version ? [code, version] : [code],
    );
    return row ? { version: row.version, definition: row.definition } : null;
  }

  async one(code: string, version?: number | null): Promise<FrameworkType | null> {
    const [row]: Row[] = await this.dataSource.query(
      version
        ? `SELECT code, version, definition, source, published_on::text FROM "${S}".frameworks WHERE code = $1 AND version = $2`
        : `SELECT code, version, definition, source, published_on::text FROM "${S}".frameworks WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      version ? [code, version] : [code],
    );
    return row ? frameworkView(row) : null;
  }
}

export function criteriaRows(nodes: readonly CriterionNode[], parentCode: string | null = null, depth = 0): FrameworkCriterionType[] {
  return nodes.flatMap((node) => [
    {
      code: node.code,
      parentCode,
      depth,
      name: node.name,
      maxScore: node.maxScore,
      scored: node.children.length === 0,
      rule: node.rule.kind,
      tiers: node.rule.kind === 'TIERS' ? node.rule.tiers.map((t) => ({ ...t })) : [],
      evidence: node.evidence,
      scoredBy: node.scoredBy,
      skippable: node.skippable,
      illustrative: node.illustrative,
    },
    ...criteriaRows(node.children, node.code, depth + 1),
  ]);
}

function frameworkView(row: Row): FrameworkType {
  const d = row.definition;
  const set = d.kind === 'PAR_INDEX_SET' ? (d as IndexSetDefinition) : null;
  return {
    code: row.code,
    version: row.version,
    kind: d.kind,
    name: d.name,
    year: set?.year ?? null,
    level: set?.level ?? null,
    issuerCode: set?.issuerCode ?? null,
    maxTotal: set?.maxTotal ?? null,
    source: set?.source ?? null,
    illustrative: set?.illustrative ?? false,
    grades: set ? set.grades.map((g) => ({ ...g })) : [],
    criteria: set ? criteriaRows(set.fields) : [],
    papiIndicators:
      d.kind === 'PAPI_EDITION'
        ? d.editions.flatMap((edition) =>
            edition.dimensions.flatMap((dim) => [
              { code: dim.code, name: dim.name, fromYear: edition.fromYear },
              ...dim.subDimensions.map((s) => ({ ...s, fromYear: edition.fromYear })),
            ]),
          )
        : [],
    publishedOn: row.published_on,
    fileName: row.source?.fileName ?? null,
  };
}

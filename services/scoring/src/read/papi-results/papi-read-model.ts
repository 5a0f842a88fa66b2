import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { papiEditionOf } from '../../domain/papi/papi-edition';
import { papiResults, PapiProvinceResult, PapiRow } from '../../domain/papi/papi-results';
import { PapiSource } from '../../domain/papi/papi-year.decider';
import { SCORING_SCHEMA as S } from '../../schema';
import { PapiProvinceResultType, PapiYearType } from './papi.types';

interface PapiYearRow {
  year: number;
  revision: number;
  rows: PapiRow[];
  source: PapiSource;
  imported_on: string;
}

/** The imported years, and a year's results ranked at query time against the year before. */
@Injectable()
export class PapiReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async years(): Promise<PapiYearType[]> {
    const rows: PapiYearRow[] = await this.dataSource.query(`SELECT year, revision, rows, source, imported_on::text FROM "${S}".papi_years ORDER BY year`);
    return rows.map(yearView);
  }

  async year(year: number): Promise<PapiYearType | null> {
    const [row]: PapiYearRow[] = await this.dataSource.query(`SELECT year, revision, rows, source, imported_on::text FROM "${S}".papi_years WHERE year = $1`, [
      year,
    ]);
    return row ? yearView(row) : null;
  }

  async results(year: number): Promise<PapiProvinceResultType[]> {
    const rows: PapiYearRow[] = await this.dataSource.query(`SELECT year, rows FROM "${S}".papi_years WHERE year IN ($1, $2)`, [year, year - 1]);
    const current = rows.find((r) => r.year === year);
    if (!current) return [];
    const previous = rows.find((r) => r.year === year - 1);
    return resultViews(papiResults(year, current.rows, papiEditionOf(year), previous?.rows ?? null));
  }

  /** A province across every imported year, oldest first (a year it was left out of: not ranked). */
  async profile(provinceCode: string): Promise<PapiProvinceResultType[]> {
    const rows: PapiYearRow[] = await this.dataSource.query(`SELECT year, rows FROM "${S}".papi_years ORDER BY year`);
    const byYear = new Map(rows.map((r) => [r.year, r.rows]));
    return rows.flatMap((r) =>
      resultViews(papiResults(r.year, r.rows, papiEditionOf(r.year), byYear.get(r.year - 1) ?? null)).filter((result) => result.provinceCode === provinceCode),
    );
  }
}

const yearView = (row: PapiYearRow): PapiYearType => ({
  year: row.year,
  revision: row.revision,
  provinces: row.rows.length,
  ranked: row.rows.filter((r) => r.total !== null).length,
  fileName: row.source.fileName,
  sha256: row.source.sha256,
  importedOn: row.imported_on,
});

function resultViews(results: PapiProvinceResult[]): PapiProvinceResultType[] {
  const rankedCount = results.filter((r) => r.ranked).length;
  return results
    .map((r) => ({
      year: r.year,
      provinceCode: r.provinceCode,
      provinceName: r.provinceName,
      province: { code: r.provinceCode },
      ranked: r.ranked,
      total: r.total.score,
      rank: r.total.rank,
      rankedCount,
      group: r.total.group,
      dimensions: r.dimensions.map((d) => ({
        code: d.code,
        name: d.name,
        score: d.score,
        rank: d.rank,
        group: d.group,
        subDimensions: d.subDimensions.map((s) => ({ ...s })),
      })),
      previousTotal: r.previous?.total ?? null,
      previousRank: r.previous?.rank ?? null,
      totalChange: r.totalChange,
      rankChange: r.rankChange,
    }))
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.provinceCode.localeCompare(b.provinceCode));
}

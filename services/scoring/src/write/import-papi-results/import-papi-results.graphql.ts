import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { FileContentScalar } from '@reform/subgraph';
import { Injectable } from '@nestjs/common';
import { papiEditionOf } from '../../domain/papi/papi-edition';
import { parsePapiTable, readCsv } from '../../domain/papi/papi-results';
import { papiYearDecider, papiYearStreamId } from '../../domain/papi/papi-year.decider';
import { PapiReadModel } from '../../read/papi-results/papi-read-model';
import { ImportFormatEnum, PapiYearType } from '../../read/papi-results/papi.types';
import { fileBytes, readWorkbook, sha256Of, TableFormat } from '../files/table-file';
import { ScoringCommands } from '../common/scoring-commands';
import { Actor, EventMetadata, RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { randomUUID } from 'node:crypto';

/** Parses a year's table (CSV text, or the first sheet of an .xlsx) and records it as PapiResultsImported. */
@Injectable()
export class PapiImport {
  constructor(
    private readonly commands: ScoringCommands,
    private readonly papi: PapiReadModel,
  ) {}

  async import(
    year: number,
    file: string,
    format: TableFormat,
    metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata),
    fileName?: string,
  ): Promise<PapiYearType> {
    const bytes = fileBytes(file, format);
    const cells = format === 'CSV' ? readCsv(bytes.toString('utf8')) : ((await readWorkbook(bytes))[0]?.rows ?? []);
    const rows = parsePapiTable(cells, papiEditionOf(year));
    const source = { fileName: fileName ?? `papi-${year}.${format.toLowerCase()}`, format, sha256: sha256Of(bytes) };
    await this.commands.execute(
      papiYearDecider,
      papiYearStreamId(year),
      { type: 'ImportPapiResults', data: { year, rows, source, on: this.commands.today() } },
      metadata,
    );
    return (await this.papi.year(year)) as PapiYearType;
  }

  /** The platform's own import (the demo's seed): a system actor, national data. */
  importAsSystem(year: number, csv: string, fileName: string, actor: Actor = SYSTEM_ACTOR): Promise<PapiYearType> {
    return this.import(year, csv, 'CSV', { actor, tenant: 'platform', correlationId: randomUUID(), causationId: null }, fileName);
  }
}

@Resolver(() => PapiYearType)
export class ImportPapiResultsResolver {
  constructor(
    private readonly papiImport: PapiImport,
    private readonly commands: ScoringCommands,
  ) {}

  /** National, published data: only a platform administrator loads it (`administer`). */
  @AccessCheckedInResolver('administer')
  @Mutation(() => PapiYearType, {
    description: 'Nhập kết quả PAPI một năm (bảng CSV như docs/domain/data/papi, hoặc XLSX dạng base64). Nhập lại cùng tệp không ghi thêm gì.',
  })
  async importPapiResults(
    @Args('year', { type: () => Int }) year: number,
    @Args('file', { type: () => FileContentScalar }) file: string,
    @Args('format', { type: () => ImportFormatEnum }) format: TableFormat,
    @CurrentIdentity() identity: Identity,
    @Args('fileName', { type: () => String, nullable: true }) fileName?: string | null,
  ): Promise<PapiYearType> {
    return this.papiImport.import(year, file, format, await this.commands.metadataFor(identity, null), fileName ?? undefined);
  }
}

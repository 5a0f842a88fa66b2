import { Injectable } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { EventMetadata, SYSTEM_ACTOR } from '@reform/event-store';
import { FileContentScalar } from '@reform/subgraph';
import { FrameworkDefinition, frameworkDecider, FrameworkSource, frameworkStreamId } from '../../domain/framework/framework.decider';
import { parseIndexSetWorkbook } from '../../domain/framework/index-set-table';
import { FrameworkCatalogue } from '../../read/frameworks/framework-catalogue';
import { FrameworkType } from '../../read/frameworks/framework.types';
import { fileBytes, readWorkbook, sha256Of } from '../files/table-file';
import { ScoringCommands } from '../common/scoring-commands';

/** Publishes a framework version: from a province's workbook, or (the platform's own) from a definition. */
@Injectable()
export class FrameworkPublisher {
  constructor(
    private readonly commands: ScoringCommands,
    private readonly catalogue: FrameworkCatalogue,
  ) {}

  async publish(
    definition: FrameworkDefinition,
    source: FrameworkSource | null,
    metadata: EventMetadata | ((past: readonly never[]) => EventMetadata),
  ): Promise<FrameworkType> {
    const handled = await this.commands.execute(
      frameworkDecider,
      frameworkStreamId(definition.code),
      { type: 'PublishFrameworkVersion', data: { definition, source, on: this.commands.today() } },
      metadata as EventMetadata,
    );
    const version = handled.state.status === 'PUBLISHED' ? handled.state.versions[handled.state.versions.length - 1].version : null;
    return (await this.catalogue.one(definition.code, version)) as FrameworkType;
  }

  publishAsSystem(definition: FrameworkDefinition, source: FrameworkSource | null = null): Promise<FrameworkType> {
    return this.publish(definition, source, { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: randomUUID(), causationId: null });
  }
}

@Resolver(() => FrameworkType)
export class LoadFrameworkResolver {
  constructor(
    private readonly publisher: FrameworkPublisher,
    private readonly commands: ScoringCommands,
    private readonly access: AccessControl,
  ) {}

  /** The issuer's managers load its set (a province its departments' and districts', a district its communes'). */
  @AccessCheckedInResolver('manage')
  @Mutation(() => FrameworkType, {
    description: 'Nạp bộ chỉ số CCHC từ tệp Excel (trang "Thông tin", "Tiêu chí", "Xếp loại"; base64); mỗi lần nạp nội dung mới là một phiên bản mới.',
  })
  async loadIndexSetFromExcel(
    @Args('file', { type: () => FileContentScalar }) file: string,
    @CurrentIdentity() identity: Identity,
    @Args('fileName', { type: () => String, nullable: true }) fileName?: string | null,
  ): Promise<FrameworkType> {
    const bytes = fileBytes(file, 'XLSX');
    const definition = parseIndexSetWorkbook(await readWorkbook(bytes));
    await this.access.assert(identity, 'manage', definition.issuerCode);
    return this.publisher.publish(
      definition,
      { fileName: fileName?.trim() || `${definition.code}.xlsx`, sha256: sha256Of(bytes) },
      await this.commands.metadataFor(identity, definition.issuerCode),
    );
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { EventStoreModule, runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { MessageBus, MessagingModule, messagingMigrations } from '@reform/messaging';
import { API_ERROR_FILTER, subgraphGraphQLOptions } from '@reform/subgraph';
import { DIRECTORY_SCHEMA } from './schema';
import { HealthController } from './health.controller';
import { publishDirectoryEvent } from './publish';
import { UnitPeriodRecord, UnitRecord } from './read/units/unit.records';
import { unitsReadModelMigrations } from './read/units/units.migrations';
import { UnitDirectory } from './read/units/unit-directory';
import { UnitResolver } from './read/units/unit.graphql';

export interface DirectoryOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  readonly poolSize?: number;
}

export const directoryMigrations = () => [...messagingMigrations(DIRECTORY_SCHEMA), ...unitsReadModelMigrations];

/** The directory service: units (and, with identity, accounts), its subgraph, its relay. */
@Module({})
export class DirectoryModule {
  static forRoot(options: DirectoryOptions): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: options.databaseUrl,
              schema: DIRECTORY_SCHEMA,
              migrations: directoryMigrations(),
              entities: [UnitRecord, UnitPeriodRecord],
              poolSize: options.poolSize,
              applicationName: 'reform-directory',
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('directory: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(DIRECTORY_SCHEMA),
        MessagingModule.forService({ bus: options.bus, service: 'directory', schema: DIRECTORY_SCHEMA, publish: publishDirectoryEvent }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions()),
      ],
      controllers: [HealthController],
      providers: [UnitDirectory, UnitResolver, API_ERROR_FILTER],
    };
  }
}

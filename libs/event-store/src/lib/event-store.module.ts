import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from './postgres/postgres-event-store';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Provides the service's `PostgresEventStore` under `EVENT_STORE`, on its TypeORM DataSource. */
@Module({})
export class EventStoreModule {
  static forService(schema: string, dataSourceName?: string): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [getDataSourceToken(dataSourceName)],
          useFactory: (dataSource: DataSource) => new PostgresEventStore(dataSource, schema),
        },
      ],
      exports: [EVENT_STORE],
    };
  }
}

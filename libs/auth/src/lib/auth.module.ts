import { ClassProvider, DynamicModule, FactoryProvider, Module, Provider, ValueProvider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessControl, UNIT_ANCESTRY, UnitAncestry } from './access-control';
import { ACCOUNT_STATUS, AccessGuard, AccountStatus, TOKEN_SERVICE } from './access.guard';
import { SigningKey, TokenOptions, TokenService } from './tokens';
import { EVENT_STORE, EventStore } from '@reform/event-store';
import { ACCESS_RECORDER, EventStoreAccessRecorder } from './access-record';

export interface AuthModuleOptions {
  readonly signingKeys: readonly SigningKey[];
  readonly token?: TokenOptions;
  /** The service's own copy of the unit hierarchy. */
  readonly unitAncestry:
    Omit<ClassProvider<UnitAncestry>, 'provide'> | Omit<FactoryProvider<UnitAncestry>, 'provide'> | Omit<ValueProvider<UnitAncestry>, 'provide'>;
  /** Optional: refuse tokens of disabled accounts before they expire. */
  readonly accountStatus?:
    Omit<ClassProvider<AccountStatus>, 'provide'> | Omit<FactoryProvider<AccountStatus>, 'provide'> | Omit<ValueProvider<AccountStatus>, 'provide'>;
}

/**
 * The guard on every route and resolver, token verification and AccessControl, as providers for
 * a service's root module (so the hierarchy and account lookups can use the service's own
 * providers).
 */
export function authProviders(options: AuthModuleOptions): Provider[] {
  return [
    { provide: TOKEN_SERVICE, useValue: new TokenService(options.signingKeys, options.token) },
    { provide: UNIT_ANCESTRY, ...options.unitAncestry } as Provider,
    ...(options.accountStatus ? [{ provide: ACCOUNT_STATUS, ...options.accountStatus } as Provider] : []),
    AccessControl,
    // Auditors' queries go to the service's event store (the access record); a module without
    // an event store (tests of the guard alone) records nothing.
    {
      provide: ACCESS_RECORDER,
      inject: [{ token: EVENT_STORE, optional: true }],
      useFactory: (store?: EventStore) => (store ? new EventStoreAccessRecorder(store) : null),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
  ];
}

/** The same as a global module, when the lookups need nothing from the application. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return { module: AuthModule, global: true, providers: authProviders(options), exports: [TOKEN_SERVICE, AccessControl] };
  }
}

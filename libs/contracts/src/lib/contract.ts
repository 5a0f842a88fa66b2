import { z } from 'zod';

/**
 * A published integration event: what other services may consume. Stored domain events stay
 * private to their service; its relay maps them to these. Named `<service>.<EventType>` with an
 * explicit version; the subject is `<service>.<aggregate>.<EventType>` (ADR 0004).
 */
export interface IntegrationEventContract<Data = unknown> {
  readonly name: string;
  readonly version: number;
  readonly service: string;
  readonly aggregate: string;
  readonly eventType: string;
  readonly subject: string;
  readonly schema: z.ZodType;
  /** Validates a payload where it enters a service; throws ContractViolation naming field and rule. */
  validate(payload: unknown): Data;
}

export class ContractViolation extends Error {
  constructor(
    readonly contract: string,
    readonly issues: ReadonlyArray<{ path: string; rule: string }>,
  ) {
    super(`Payload does not match ${contract}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.rule}`).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

export function defineContract<Schema extends z.ZodType>(definition: {
  service: string;
  aggregate: string;
  eventType: string;
  version: number;
  schema: Schema;
}): IntegrationEventContract<z.infer<Schema>> {
  const name = `${definition.service}.${definition.eventType}`;
  const label = `${name}.v${definition.version}`;
  return {
    ...definition,
    name,
    subject: `${definition.service}.${definition.aggregate}.${definition.eventType}`,
    validate(payload: unknown) {
      const result = definition.schema.safeParse(payload);
      if (result.success) return result.data;
      throw new ContractViolation(
        label,
        result.error.issues.map((issue) => ({ path: issue.path.join('.'), rule: issue.message })),
      );
    },
  };
}

/**
 * Known contracts by name and version, with upcasters that lift an older payload to the next
 * version, so consumers handle only the current one.
 */
export class ContractRegistry {
  private readonly contracts = new Map<string, IntegrationEventContract>();
  private readonly upcasters = new Map<string, (payload: unknown) => unknown>();

  register(...contracts: IntegrationEventContract[]): this {
    for (const contract of contracts) this.contracts.set(`${contract.name}@${contract.version}`, contract);
    return this;
  }

  /** `upcast` turns a payload of `fromVersion` into one of `fromVersion + 1`. */
  registerUpcaster(name: string, fromVersion: number, upcast: (payload: unknown) => unknown): this {
    this.upcasters.set(`${name}@${fromVersion}`, upcast);
    return this;
  }

  /** Brings a payload to the contract's version and validates it. */
  accept<Data>(contract: IntegrationEventContract<Data>, version: number, payload: unknown): Data {
    if (version > contract.version)
      throw new ContractViolation(`${contract.name}.v${version}`, [{ path: '', rule: `newer than the known version ${contract.version}` }]);
    let current = payload;
    for (let v = version; v < contract.version; v++) {
      const upcast = this.upcasters.get(`${contract.name}@${v}`);
      if (!upcast) throw new ContractViolation(`${contract.name}.v${v}`, [{ path: '', rule: `no upcaster to v${v + 1}` }]);
      current = upcast(current);
    }
    return contract.validate(current);
  }

  find(name: string, version: number): IntegrationEventContract | undefined {
    return this.contracts.get(`${name}@${version}`);
  }
}

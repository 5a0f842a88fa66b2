import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '@reform/event-store';
import { UnitEstablishedV1, UnitMergedV1, UnitRenamedV1, UnitTransferredV1 } from '@reform/contracts';
import { IntegrationMessage, MessageBus } from '@reform/messaging';
import { UnitLevel } from '@reform/unit-periods';

export interface TestUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  readonly type?: string;
  readonly kind?: string | null;
  readonly validFrom?: string | null;
}

const TYPES: Record<UnitLevel, string> = { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', AGENCY: 'Phòng' };

/**
 * For tests of services that keep a copy of the hierarchy: publishes directory unit events on
 * the bus, as the directory's relay would (UnitEstablished at version 1 of `unit-<code>`), so the
 * service's real replica consumer builds the copy. Later facts (renamed, transferred, merged) go
 * through `publishUnitFact` with the stream version that follows.
 */
export async function publishUnits(bus: MessageBus, units: readonly TestUnit[]): Promise<void> {
  for (const unit of units) {
    await bus.publish(
      message(UnitEstablishedV1, unit.code, 1, {
        code: unit.code,
        name: unit.name,
        type: unit.type ?? (unit.level === 'AGENCY' ? (unit.kind ?? 'Phòng') : TYPES[unit.level]),
        level: unit.level,
        kind: unit.level === 'AGENCY' ? (unit.kind ?? 'Phòng') : (unit.kind ?? null),
        parentCode: unit.parentCode,
        validFrom: unit.validFrom ?? null,
      }),
    );
  }
}

const FACTS = { UnitRenamed: UnitRenamedV1, UnitTransferred: UnitTransferredV1, UnitMerged: UnitMergedV1 };

export async function publishUnitFact<T extends keyof typeof FACTS>(
  bus: MessageBus,
  type: T,
  code: string,
  streamVersion: number,
  data: Record<string, unknown>,
): Promise<void> {
  await bus.publish(message(FACTS[type], code, streamVersion, { code, ...data }));
}

function message(contract: { name: string; version: number; subject: string }, code: string, streamVersion: number, data: unknown): IntegrationMessage {
  return {
    eventId: randomUUID(),
    name: contract.name,
    version: contract.version,
    subject: contract.subject,
    data,
    metadata: {
      actor: SYSTEM_ACTOR,
      tenant: 'platform',
      correlationId: 'test-units',
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream: `unit-${code}`,
      streamVersion,
    },
  };
}

/** A small province for tests: 49 with districts 513 (3 communes + offices) and 514 (2 communes). */
export const TEST_PROVINCE: readonly TestUnit[] = [
  { code: '49', name: 'Tỉnh Quảng Nam', level: 'PROVINCE', parentCode: null },
  { code: '49.SNV', name: 'Sở Nội vụ', level: 'AGENCY', kind: 'Sở', parentCode: '49' },
  { code: '513', name: 'Huyện Thăng Bình', level: 'DISTRICT', parentCode: '49' },
  { code: '513.PNV', name: 'Phòng Nội vụ', level: 'AGENCY', kind: 'Phòng', parentCode: '513' },
  { code: '513.PTP', name: 'Phòng Tư pháp', level: 'AGENCY', kind: 'Phòng', parentCode: '513' },
  { code: '513.CA', name: 'Công an huyện Thăng Bình', level: 'AGENCY', kind: 'Công an', parentCode: '513' },
  { code: '20794', name: 'Thị trấn Hà Lam', type: 'Thị trấn', level: 'COMMUNE', parentCode: '513' },
  { code: '20797', name: 'Xã Bình Dương', level: 'COMMUNE', parentCode: '513' },
  { code: '20800', name: 'Xã Bình Giang', level: 'COMMUNE', parentCode: '513' },
  { code: '20794.CA', name: 'Công an thị trấn Hà Lam', level: 'AGENCY', kind: 'Công an', parentCode: '20794' },
  { code: '514', name: 'Huyện Tiên Phước', level: 'DISTRICT', parentCode: '49' },
  { code: '20833', name: 'Thị trấn Tiên Kỳ', type: 'Thị trấn', level: 'COMMUNE', parentCode: '514' },
  { code: '20836', name: 'Xã Tiên Sơn', level: 'COMMUNE', parentCode: '514' },
];

import { z } from 'zod';
import { ContractRegistry, ContractViolation, defineContract } from './contract';

const UnitRenamed = defineContract({
  service: 'directory',
  aggregate: 'unit',
  eventType: 'UnitRenamed',
  version: 2,
  schema: z.object({ code: z.string().min(1), name: z.string().min(1), effectiveOn: z.string().date() }),
});

describe('integration event contracts', () => {
  it('names the subject after service, aggregate and event type', () => {
    expect(UnitRenamed.subject).toBe('directory.unit.UnitRenamed');
    expect(UnitRenamed.name).toBe('directory.UnitRenamed');
  });

  it('validates a payload and names the field and rule it breaks', () => {
    expect(UnitRenamed.validate({ code: '513', name: 'Huyện Thăng Bình', effectiveOn: '2025-01-01' })).toEqual({
      code: '513',
      name: 'Huyện Thăng Bình',
      effectiveOn: '2025-01-01',
    });
    try {
      UnitRenamed.validate({ code: '', name: 'X', effectiveOn: 'yesterday' });
      throw new Error('expected a violation');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolation);
      expect((error as ContractViolation).issues.map((issue) => issue.path)).toEqual(['code', 'effectiveOn']);
      expect((error as Error).message).toMatch(/directory\.UnitRenamed\.v2: code: .*; effectiveOn: /);
    }
  });

  it('upcasts an older version before validating', () => {
    const registry = new ContractRegistry()
      .register(UnitRenamed)
      .registerUpcaster('directory.UnitRenamed', 1, (payload) => ({ ...(payload as object), effectiveOn: '2025-03-01' }));
    expect(registry.accept(UnitRenamed, 1, { code: '513', name: 'Huyện Thăng Bình' })).toMatchObject({ effectiveOn: '2025-03-01' });
    expect(() => registry.accept(UnitRenamed, 3, {})).toThrow(/newer than the known version 2/);
    expect(() => new ContractRegistry().accept(UnitRenamed, 1, {})).toThrow(/no upcaster to v2/);
  });

  it('finds a registered contract by name and version', () => {
    const registry = new ContractRegistry().register(UnitRenamed);
    expect(registry.find('directory.UnitRenamed', 2)).toBe(UnitRenamed);
    expect(registry.find('directory.UnitRenamed', 1)).toBeUndefined();
  });
});

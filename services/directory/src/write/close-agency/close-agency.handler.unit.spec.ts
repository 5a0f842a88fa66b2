import { FixedClock } from '@reform/clock';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { DirectoryCommands } from '../common/directory-commands';
import { admin, CountingEventStore, unitReader } from '../common/in-memory-directory.fixture';
import { closeAgency } from './close-agency.handler';

const establish = (code: string, level: 'DISTRICT' | 'AGENCY', parentCode: string) => ({
  type: 'EstablishUnit' as const,
  data: {
    code,
    name: code,
    type: level === 'AGENCY' ? 'Phòng' : 'Huyện',
    level,
    kind: level === 'AGENCY' ? 'Phòng' : null,
    parentCode,
    validFrom: '2008-01-01',
    parentExists: true,
    aliases: [],
  },
});

describe('closeAgency on the in-memory event store', () => {
  it('checks that the unit is an agency on the stream it decides against, read once; an administrative unit is refused', async () => {
    const store = new CountingEventStore();
    const nudges: number[] = [];
    const commands = new DirectoryCommands(store, { reader: unitReader }, { nudge: () => nudges.push(1) }, new FixedClock('2024-12-31T17:30:00Z'), []);
    const metadata = await commands.metadataFor(admin('49'), '513');
    await commands.execute(unitDecider, unitStreamId('513'), establish('513', 'DISTRICT', '49'), metadata);
    await commands.execute(unitDecider, unitStreamId('513.PNV'), establish('513.PNV', 'AGENCY', '513'), metadata);

    await expect(closeAgency(commands, admin('49'), '513', '2025-01-01')).rejects.toMatchObject({ code: 'UNIT.NOT_AN_AGENCY', details: { field: 'code' } });
    store.reads.clear();
    await closeAgency(commands, admin('49'), '513.PNV', '2025-01-01');
    expect(Object.fromEntries(store.reads)).toEqual({ [unitStreamId('513.PNV')]: 1 });
    expect((await store.readStream(unitStreamId('513.PNV'))).map((event) => event.type)).toEqual(['UnitEstablished', 'UnitDissolved']);
    expect(nudges).toHaveLength(3);
  });
});

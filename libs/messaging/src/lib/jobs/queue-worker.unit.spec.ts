import { SYSTEM_ACTOR } from '@reform/event-store';
import { systemActsOn } from './queue-worker';

describe('systemActsOn', () => {
  it('is the system acting in the message’s tenant and correlation, caused by the message’s event (not by its cause)', () => {
    const message = {
      eventId: 'e-2',
      metadata: {
        actor: { accountId: 'a1', username: 'doha', unitCode: '49' },
        tenant: 't49',
        correlationId: 'c-1',
        causationId: 'e-1',
        recordedAt: '2025-06-16T03:00:00Z',
        stream: 'plan-1',
        streamVersion: 2,
      },
    };
    expect(systemActsOn(message)).toEqual({ actor: SYSTEM_ACTOR, tenant: 't49', correlationId: 'c-1', causationId: 'e-2' });
  });
});

import { spec } from '@reform/decider';
import { tallyDecider } from '../testing/tally.decider';

// The decider that command-handler.int.spec.ts runs through handleCommand, checked purely.
describe('tally decider (given / when / then)', () => {
  const increased = (by: number) => ({ type: 'TallyIncreased' as const, data: { by } });

  it('adds to an open tally', () => {
    spec(tallyDecider)
      .given([increased(2)])
      .when({ type: 'AddToTally', data: { by: 3 } })
      .then([increased(3)]);
    spec(tallyDecider)
      .given([increased(2)])
      .when({ type: 'AddToTally', data: { by: 3 } })
      .thenState({ total: 5, closed: false });
  });

  it('closes with the total, and closing an empty tally decides nothing', () => {
    spec(tallyDecider)
      .given([increased(2), increased(5)])
      .when({ type: 'CloseTally', data: {} })
      .then([{ type: 'TallyClosed', data: { total: 7 } }]);
    spec(tallyDecider).given([]).when({ type: 'CloseTally', data: {} }).then([]);
  });

  it('refuses a non-positive step naming the field, and any command once closed', () => {
    spec(tallyDecider)
      .given([])
      .when({ type: 'AddToTally', data: { by: 0 } })
      .thenThrows('TALLY.STEP_NOT_POSITIVE', 'by');
    spec(tallyDecider)
      .given([increased(1), { type: 'TallyClosed', data: { total: 1 } }])
      .when({ type: 'AddToTally', data: { by: 1 } })
      .thenThrows('TALLY.CLOSED');
  });

  it('spec() fails when the decider does something else', () => {
    expect(() =>
      spec(tallyDecider)
        .given([])
        .when({ type: 'AddToTally', data: { by: 1 } })
        .then([increased(2)]),
    ).toThrow();
    expect(() =>
      spec(tallyDecider)
        .given([])
        .when({ type: 'AddToTally', data: { by: 1 } })
        .thenThrows('TALLY.CLOSED'),
    ).toThrow();
    expect(() =>
      spec(tallyDecider)
        .given([])
        .when({ type: 'AddToTally', data: { by: 0 } })
        .thenThrows('TALLY.STEP_NOT_POSITIVE', 'step'),
    ).toThrow();
  });
});

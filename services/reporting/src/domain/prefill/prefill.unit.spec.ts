import { quarterlyRegime } from '../testing/fixtures';
import { AssignmentRecord, assignmentLines, prefillContent } from './prefill';

describe("the draft pre-filled from the unit's assignments inside the cut-off", () => {
  const cutOff = { from: '2021-06-15', to: '2021-09-14' };
  const record = (id: string, assignedOn: string, happenings: AssignmentRecord['happenings']): AssignmentRecord => ({
    assignmentId: id,
    planId: 'p',
    planNumber: '09/KH-UBND',
    taskText: `Việc ${id}`,
    unitCode: '20794',
    assignedOn,
    happenings,
  });
  const records = [
    record('a', '2021-05-20', [
      { type: 'progress', on: '2021-06-01', percent: 10, note: 'trước kỳ' },
      { type: 'progress', on: '2021-07-01', percent: 40, note: 'trong kỳ' },
      { type: 'progress', on: '2021-09-20', percent: 90, note: 'sau kỳ' },
    ]),
    record('b', '2021-05-20', [{ type: 'completed', on: '2021-08-01', late: false }]),
    record('c', '2021-05-20', [
      { type: 'overdue', on: '2021-07-01', dueDay: '2021-06-30' },
      { type: 'extended', on: '2021-07-02', dueOn: '2021-10-30' },
    ]),
    record('d', '2021-05-20', [{ type: 'cancelled', on: '2021-06-20' }]),
    record('e', '2021-09-20', []), // given after the cut-off
  ];
  const lines = assignmentLines(records, cutOff);

  it('lists the assignments given by the cut-off and not cancelled, with what was reported inside it', () => {
    expect(
      lines.map((line) => [
        line.assignmentId,
        line.status,
        line.percent,
        line.progress.map((p) => p.note),
        line.completedOn,
        line.extensions.length,
        line.overdueDays,
      ]),
    ).toEqual([
      ['a', 'IN_PROGRESS', 40, ['trong kỳ'], null, 0, []],
      ['b', 'COMPLETED', 100, [], '2021-08-01', 0, []],
      ['c', 'OPEN', 0, [], null, 1, ['2021-06-30']],
    ]);
  });

  it('computes the items whose rule says how', () => {
    expect(prefillContent(quarterlyRegime().form, lines)).toEqual({ sections: {}, items: { NV: 3, HT: 1, TD: 46.7 } });
  });
});

import { DomainError, fold } from '@reform/decider';
import { communeReport } from '../testing/fixtures';
import { changesAgainstPrefill, Report, ReportCommand, reportDecider, ReportEvent, ReportState } from './report.decider';

const given = (events: ReportEvent[]): ReportState => fold(reportDecider, events);
const expected: ReportEvent = { type: 'ReportExpected', data: communeReport() };
const full = { sections: { 'ket-qua': 'Đã niêm yết thủ tục hành chính.' }, items: { NV: 4, HT: 2, TD: 60 } };
const submitted = (on: string): ReportEvent => ({ type: 'ReportSubmitted', data: { content: full, on, late: on > '2021-09-16', resubmission: false } });
const decide = (command: ReportCommand, events: ReportEvent[]) => reportDecider.decide(command, given(events));
const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a report: expected → draft → submitted → accepted / returned → resubmitted', () => {
  it('starts from the pre-fill, and the draft keeps what the unit changed against it', () => {
    const state = given([
      expected,
      { type: 'ReportDraftSaved', data: { content: { sections: {}, items: { NV: 4, HT: 2, TD: 55 } }, on: '2021-09-10' } },
    ]) as Report;
    expect(state.status).toBe('DRAFT');
    expect(changesAgainstPrefill(state)).toEqual([{ key: 'items.HT', prefilled: 1, entered: 2 }]);
  });

  it.each([
    ['2021-09-16', false], // the deadline itself is on time
    ['2021-09-17', true],
  ])('submitted on %s: late %s', (on, late) => {
    const [event] = decide({ type: 'SubmitReport', data: { content: full, on } }, [expected]);
    expect(event).toEqual({ type: 'ReportSubmitted', data: { content: full, on, late, resubmission: false } });
  });

  it('refuses to submit without a required item, naming it', () => {
    const error = refusal(() => decide({ type: 'SubmitReport', data: { content: { sections: {}, items: { NV: 4 } }, on: '2021-09-15' } }, [expected]));
    expect(error.field).toBe('items.HT');
    expect(error.message).toContain('Số nhiệm vụ hoàn thành');
  });

  it.each([
    [{ TD: 120 }, 'items.TD', 'từ 0 đến 100'],
    [{ NV: 2.5 }, 'items.NV', 'số nguyên không âm'],
    [{ MC: 'có' }, 'items.MC', 'có/không'],
    [{ XX: 1 }, 'items.XX', 'không có chỉ tiêu'],
  ])('refuses %j (%s)', (items, field, words) => {
    const error = refusal(() => decide({ type: 'SaveDraft', data: { content: { sections: {}, items: items as never }, on: '2021-09-10' } }, [expected]));
    expect([error.field, error.message.includes(words)]).toEqual([field, true]);
  });

  it('returned with a reason, resubmitted: the first submission stays the one that counts for lateness', () => {
    const events: ReportEvent[] = [expected, submitted('2021-09-15')];
    expect(() => decide({ type: 'ReturnReport', data: { reason: '  ', on: '2021-09-17' } }, events)).toThrow('Lý do không được để trống');
    events.push(...decide({ type: 'ReturnReport', data: { reason: 'Thiếu số liệu hài lòng', on: '2021-09-17' } }, events));
    expect((given(events) as Report).returnReason).toBe('Thiếu số liệu hài lòng');
    events.push(...decide({ type: 'SubmitReport', data: { content: full, on: '2021-09-18' } }, events));
    expect(events[events.length - 1]).toMatchObject({ type: 'ReportSubmitted', data: { late: true, resubmission: true } });
    events.push(...decide({ type: 'AcceptReport', data: { on: '2021-09-19' } }, events));
    expect(given(events)).toMatchObject({ status: 'ACCEPTED', submittedOn: '2021-09-15', late: false, lastSubmittedOn: '2021-09-18', submissions: 2 });
  });

  it('cannot be accepted before it is submitted, nor edited while it waits', () => {
    expect(refusal(() => decide({ type: 'AcceptReport', data: { on: '2021-09-15' } }, [expected])).code).toBe('REPORT.NOT_SUBMITTED');
    expect(refusal(() => decide({ type: 'SaveDraft', data: { content: full, on: '2021-09-15' } }, [expected, submitted('2021-09-15')])).code).toBe(
      'REPORT.SUBMITTED',
    );
  });
});

describe('the lock after the window, and reopening', () => {
  it('refuses an edit after closesOn with the lock date in Vietnamese; reopened with a reason, the edit succeeds', () => {
    const error = refusal(() => decide({ type: 'SaveDraft', data: { content: full, on: '2021-09-22' } }, [expected]));
    expect(error.code).toBe('REPORT.LOCKED');
    expect(error.message).toBe('Báo cáo đã khóa từ ngày 22/09/2021 (hết thời hạn nhập liệu ngày 21/09/2021); đề nghị cấp trên mở lại báo cáo để chỉnh sửa.');
    expect(() => decide({ type: 'SaveDraft', data: { content: full, on: '2021-09-21' } }, [expected])).not.toThrow();
    const reopened = [...decide({ type: 'ReopenReport', data: { reason: 'Xã bị ngập lụt, mất điện', on: '2021-09-23' } }, [expected])];
    expect(reopened).toEqual([{ type: 'ReportReopened', data: { reason: 'Xã bị ngập lụt, mất điện', on: '2021-09-23', until: '2021-09-30' } }]);
    const [late] = decide({ type: 'SubmitReport', data: { content: full, on: '2021-09-24' } }, [expected, ...reopened]);
    expect(late).toMatchObject({ type: 'ReportSubmitted', data: { late: true } });
    expect(refusal(() => decide({ type: 'SaveDraft', data: { content: full, on: '2021-10-01' } }, [expected, ...reopened])).message).toContain(
      'khóa từ ngày 01/10/2021',
    );
  });

  it('refuses to reopen what is not locked', () => {
    expect(refusal(() => decide({ type: 'ReopenReport', data: { reason: 'x', on: '2021-09-20' } }, [expected])).code).toBe('REPORT.NOT_LOCKED');
  });
});

describe("a level's own report", () => {
  const own: ReportEvent = {
    type: 'ReportExpected',
    data: communeReport({ id: 'r1~2021-Q3~513', unitCode: '513', level: 'DISTRICT', role: 'CONSOLIDATED', reviewerCode: '513' }),
  };
  it('is approved only when no child is outstanding', () => {
    const error = refusal(() =>
      decide({ type: 'ApproveReport', data: { on: '2021-09-20', content: full, outstanding: ['20794', '20797'], children: 20 } }, [own]),
    );
    expect(error.code).toBe('REPORT.CHILDREN_OUTSTANDING');
    expect(error.message).toContain('2 đơn vị cấp dưới');
    const [event] = decide({ type: 'ApproveReport', data: { on: '2021-09-20', content: full, outstanding: [], children: 20 } }, [own]);
    expect(event.type).toBe('ReportApproved');
  });

  it('a child marked "không báo cáo" needs a reason, and only before it is submitted', () => {
    expect(refusal(() => decide({ type: 'WaiveReport', data: { reason: '', on: '2021-09-20' } }, [expected])).field).toBe('reason');
    expect(refusal(() => decide({ type: 'WaiveReport', data: { reason: 'Sáp nhập', on: '2021-09-20' } }, [expected, submitted('2021-09-15')])).code).toBe(
      'REPORT.CANNOT_WAIVE',
    );
  });
});

describe('reminders', () => {
  it('are issued once per kind, and not after submission', () => {
    const once = decide({ type: 'RemindReport', data: { kind: 'BEFORE_DEADLINE', on: '2021-09-14' } }, [expected]);
    expect(once).toHaveLength(1);
    expect(decide({ type: 'RemindReport', data: { kind: 'BEFORE_DEADLINE', on: '2021-09-15' } }, [expected, ...once])).toEqual([]);
    expect(decide({ type: 'RemindReport', data: { kind: 'AFTER_DEADLINE', on: '2021-09-17' } }, [expected, submitted('2021-09-15')])).toEqual([]);
  });
});

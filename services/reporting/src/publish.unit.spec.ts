import { RegimeDefinedV1, ReportAcceptedV1, ReportApprovedV1, ReportSubmittedV1 } from '@reform/contracts';
import { RecordedEvent, SYSTEM_ACTOR } from '@reform/event-store';
import { DomainError } from '@reform/decider';
import { checkRegime } from './domain/regime/regime';
import { quarterlyRegime } from './domain/testing/fixtures';
import { publishReportingEvent } from './publish';

const recorded = (streamId: string, type: string, data: unknown): RecordedEvent => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  streamId,
  streamVersion: 1,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: SYSTEM_ACTOR, tenant: '513', correlationId: 'c', causationId: null },
  recordedAt: new Date('2021-10-01T03:00:00Z'),
  globalPosition: { transactionId: '1', position: '1' },
  hash: 'h',
  previousHash: null,
});

const measured = quarterlyRegime({
  form: {
    ...quarterlyRegime().form,
    items: quarterlyRegime().form.items.map((item) => (item.code === 'HL' ? { ...item, measures: { planId: 'plan-1', taskId: 't3' } } : item)),
  },
});

describe("the reporting service's published events (issue 19: target achievement)", () => {
  it("publishes a regime's data items with the task each measures", () => {
    const message = publishReportingEvent(recorded('regime-r1', 'RegimeDefined', { definition: measured, on: '2021-06-15' }));
    expect(message).toMatchObject({ name: RegimeDefinedV1.name, subject: 'reporting.regime.RegimeDefined' });
    const data = RegimeDefinedV1.validate(message?.data);
    expect(data).toMatchObject({ regimeId: 'r1', ownerCode: '513', on: '2021-06-15' });
    expect(data.items.find((item) => item.code === 'HL')).toEqual({
      code: 'HL',
      name: 'Tỷ lệ hài lòng',
      unit: '%',
      type: 'PERCENT',
      measures: { planId: 'plan-1', taskId: 't3' },
    });
    expect(data.items.find((item) => item.code === 'NV')?.measures).toBeNull();
  });

  it("publishes a submission's numeric figures (yes/no as 1 or 0, text and empty left out) with the report's regime, period and unit", () => {
    const content = { sections: { 'ket-qua': 'Tốt' }, items: { NV: 4, HL: 96.5, MC: true, GC: 'ghi chú', HLMIN: null } };
    const message = publishReportingEvent(
      recorded('report-r1~2021-Q3~20794', 'ReportSubmitted', { content, on: '2021-09-16', late: false, resubmission: false }),
    );
    expect(ReportSubmittedV1.validate(message?.data)).toEqual({
      reportId: 'r1~2021-Q3~20794',
      regimeId: 'r1',
      period: '2021-Q3',
      unitCode: '20794',
      on: '2021-09-16',
      late: false,
      resubmission: false,
      figures: [
        { code: 'NV', value: 4 },
        { code: 'HL', value: 96.5 },
        { code: 'MC', value: 1 },
      ],
    });
  });

  it('publishes acceptance, and approval with the consolidated figures; keeps drafts, links and cycles inside', () => {
    expect(ReportAcceptedV1.validate(publishReportingEvent(recorded('report-r1~2021-Q3~20794', 'ReportAccepted', { on: '2021-09-20' }))?.data)).toEqual({
      reportId: 'r1~2021-Q3~20794',
      on: '2021-09-20',
    });
    const approved = publishReportingEvent(
      recorded('report-r1~2021-Q3~513', 'ReportApproved', { on: '2021-09-25', content: { sections: {}, items: { HL: 95 } }, children: 3 }),
    );
    expect(ReportApprovedV1.validate(approved?.data)).toMatchObject({ reportId: 'r1~2021-Q3~513', unitCode: '513', figures: [{ code: 'HL', value: 95 }] });
    expect(
      publishReportingEvent(recorded('report-r1~2021-Q3~20794', 'ReportDraftSaved', { content: { sections: {}, items: {} }, on: '2021-09-10' })),
    ).toBeNull();
    expect(publishReportingEvent(recorded('regime-r1', 'RegimePlanLinked', { planId: 'p2', source: null, on: '2021-07-01' }))).toBeNull();
    expect(publishReportingEvent(recorded('cycle-r1~2021-Q3', 'CycleOpened', {}))).toBeNull();
  });
});

describe('a data item that measures a task', () => {
  const withMeasures = (measures: { planId: string; taskId: string }, code = 'HL') =>
    quarterlyRegime({
      form: { ...quarterlyRegime().form, items: quarterlyRegime().form.items.map((item) => (item.code === code ? { ...item, measures } : item)) },
    });
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof DomainError ? { field: error.details?.field, message: error.message } : error;
    }
    return null;
  };

  it("names a task of one of the regime's plans", () => {
    expect(checkRegime(withMeasures({ planId: 'plan-1', taskId: 't3' })).form.items.find((item) => item.code === 'HL')?.measures).toEqual({
      planId: 'plan-1',
      taskId: 't3',
    });
    expect(refusal(() => checkRegime(withMeasures({ planId: 'other-plan', taskId: 't3' })))).toMatchObject({
      field: 'form.items[3].measures.planId',
      message: expect.stringContaining('kế hoạch gắn với chế độ báo cáo'),
    });
    expect(refusal(() => checkRegime(withMeasures({ planId: 'plan-1', taskId: ' ' })))).toMatchObject({ field: 'form.items[3].measures.taskId' });
  });

  it('is a number, a percentage or a count', () => {
    expect(refusal(() => checkRegime(withMeasures({ planId: 'plan-1', taskId: 't3' }, 'GC')))).toMatchObject({
      field: 'form.items[7].measures',
      message: expect.stringContaining('dạng số'),
    });
  });
});

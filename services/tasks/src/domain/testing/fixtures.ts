import { AssignmentFacts } from '../assignment/assignment.decider';
import { scheduleFor } from '../assignment/schedule';

/** A commune's assignment of a district plan's task, due once (tests only). */
export const onceFacts: AssignmentFacts = {
  id: 'a1',
  planId: 'p1',
  taskId: 't1',
  planNumber: '12/KH-UBND',
  planTitle: 'Kế hoạch nâng cao chỉ số PAPI năm 2025',
  planYear: 2025,
  taskText: 'Niêm yết công khai thủ tục hành chính',
  target: '100% xã',
  timeframeText: 'Trước ngày 30/6/2025',
  unitCode: '20794',
  role: 'IMPLEMENTING',
  kind: 'TASK',
  assignerCode: '513',
  monitoringCodes: ['513.PNV'],
  leadCodes: ['513.PTP'],
  schedule: { kind: 'once', dueOn: '2025-06-30' },
  assignedOn: '2025-03-01',
};

/** The same task done "Thường xuyên": reported quarterly. */
export const quarterlyFacts: AssignmentFacts = {
  ...onceFacts,
  schedule: scheduleFor({ dueOn: null, timeframe: { kind: 'ongoing', text: 'Thường xuyên' } }, 2025),
  timeframeText: 'Thường xuyên',
};

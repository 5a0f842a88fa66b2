import { randomUUID } from 'node:crypto';
import { PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { IntegrationMessage } from '@reform/messaging';

/**
 * A province's plan of `taskCount` tasks, each implemented by `communeCount` made-up communes,
 * as plans publishes it: what the fan-out and rebuild benchmarks feed the tasks service.
 */
export function syntheticPlanIssued(
  communeCount: number,
  taskCount: number,
): { planId: string; message: IntegrationMessage<PlanIssuedV1>; assignments: number } {
  const communes = Array.from({ length: communeCount }, (_, i) => String(100_000 + i));
  const tasks: PublishedTask[] = Array.from({ length: taskCount }, (_, i) => ({
    taskId: `t${i + 1}`,
    sectionCode: 'PAPI 2.1',
    text: `Nhiệm vụ ${i + 1}: công khai, minh bạch thủ tục hành chính và kết quả giải quyết tại cấp xã`,
    target: '100% xã',
    timeframe: { kind: 'due', text: 'Trước ngày 30/6/2025', on: '2025-06-30' },
    dueOn: '2025-06-30',
    lead: [],
    implementing: communes,
    monitoring: ['49.SNV'],
    expectedResult: null,
  }));
  const planId = randomUUID();
  const data: PlanIssuedV1 = {
    planId,
    number: '1/KH-BENCH',
    title: 'Bench',
    issuerCode: '49',
    issuedOn: '2025-03-01',
    year: 2025,
    implementsPlanId: null,
    tasks,
    cascade: null,
  };
  const message: IntegrationMessage<PlanIssuedV1> = {
    eventId: randomUUID(),
    name: PlanIssuedV1.name,
    version: 1,
    subject: PlanIssuedV1.subject,
    data,
    metadata: {
      actor: { accountId: 'system', username: 'system', unitCode: null },
      tenant: '49',
      correlationId: randomUUID(),
      causationId: null,
      recordedAt: new Date().toISOString(),
      stream: `plan-${planId}`,
      streamVersion: 1,
    },
  };
  return { planId, message, assignments: communeCount * taskCount };
}

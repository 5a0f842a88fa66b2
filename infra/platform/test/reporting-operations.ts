import { managersOnly, MatrixOperation, readLike, unitQuery } from '@reform/testing';

/**
 * The attack matrix extended to reporting (issue 18): the same actors and targets, the outcomes
 * designed for reports. The demo opens Thăng Bình's Q3/2021 (the access suite's clock is in 2025),
 * so 513 and its communes have reports; other units answer with an empty list when allowed.
 */
const regimeInput = (ownerCode: string) => ({
  ownerCode,
  name: 'Kiểm thử phân quyền',
  kind: 'THEMATIC',
  periodTypes: ['YEAR'],
  deadlines: [{ level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 }],
  selector: { text: 'UBND các xã', levels: ['COMMUNE'] },
  form: { sections: [{ code: 'ket-qua', title: 'Kết quả' }], items: [] },
});

export function reportingOperations(): MatrixOperation[] {
  return [
    unitQuery("read the unit's reports", 'reporting', 'query($c: ID!) { reports(unitCode: $c) { id status } }', readLike()),
    {
      name: "read the unit's reporting completeness",
      service: 'reporting',
      run: (client, username, code) =>
        client.outcome(username, 'query($c: ID!) { reportingCompleteness(regimeId: "thang-binh-cchc", period: "2021-Q3", unitCode: $c) { expected } }', {
          c: code,
        }),
      expected: readLike(),
    },
    unitQuery('list the reports the unit reviews', 'reporting', 'query($c: ID!) { reportsToReview(reviewerCode: $c) { id } }', managersOnly()),
    {
      name: 'define a report regime owned by the unit',
      service: 'reporting',
      run: (client, username, code) =>
        client.outcome(username, 'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id } }', { input: regimeInput(code) }),
      expected: managersOnly(),
    },
  ];
}

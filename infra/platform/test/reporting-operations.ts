import { MatrixOperation } from '@reform/testing';

/**
 * The attack matrix extended to reporting (issue 18): the same actors and targets, the outcomes
 * designed for reports. The demo opens Thăng Bình's Q3/2021 (the access suite's clock is in 2025),
 * so 513 and its communes have reports; other units answer with an empty list when allowed.
 */
type Expected = MatrixOperation['expected'];

const READ_LIKE = (): Expected => ({
  doha: { own: 'OK', child: 'OK', grandchild: 'OK', otherProvince: 'FORBIDDEN' },
  d513: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  auditor: { own: 'OK', child: 'OK', grandchild: 'OK', otherProvince: 'FORBIDDEN' },
});

/** Reviewing and defining: managers over their subtree; a commune's manager at its own commune; the auditor never. */
const MANAGERS_ONLY: Expected = {
  doha: { own: 'OK', child: 'OK', grandchild: 'OK', otherProvince: 'FORBIDDEN' },
  d513: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  auditor: { own: 'FORBIDDEN', child: 'FORBIDDEN', grandchild: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
};

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
    {
      name: "read the unit's reports",
      service: 'reporting',
      run: (client, username, code) => client.outcome(username, 'query($c: ID!) { reports(unitCode: $c) { id status } }', { c: code }),
      expected: READ_LIKE(),
    },
    {
      name: "read the unit's reporting completeness",
      service: 'reporting',
      run: (client, username, code) =>
        client.outcome(username, 'query($c: ID!) { reportingCompleteness(regimeId: "thang-binh-cchc", period: "2021-Q3", unitCode: $c) { expected } }', {
          c: code,
        }),
      expected: READ_LIKE(),
    },
    {
      name: 'list the reports the unit reviews',
      service: 'reporting',
      run: (client, username, code) => client.outcome(username, 'query($c: ID!) { reportsToReview(reviewerCode: $c) { id } }', { c: code }),
      expected: MANAGERS_ONLY,
    },
    {
      name: 'define a report regime owned by the unit',
      service: 'reporting',
      run: (client, username, code) =>
        client.outcome(username, 'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { id } }', { input: regimeInput(code) }),
      expected: MANAGERS_ONLY,
    },
  ];
}

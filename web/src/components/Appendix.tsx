import { Fragment, type ReactNode } from 'react';

export interface AppendixTask {
  id: string;
  ordinal?: string | null;
  text: string;
  target?: { text: string } | null;
  lead?: { text: string } | null;
  implementing?: { text: string } | null;
  monitoring?: { text: string } | null;
  timeframe?: { text: string } | null;
  expectedResult?: string | null;
}

export interface AppendixSection {
  code?: string | null;
  title: string;
  indicator?: { framework: string; code: string; name: string } | null;
  tasks: AppendixTask[];
  sections?: AppendixSection[];
}

/** The appendix as the plan prints it: sections by indicator, one row per task. */
export function Appendix({ sections, extra }: { sections: AppendixSection[]; extra?: (task: AppendixTask) => ReactNode }) {
  const rows: ReactNode[] = [];
  const walk = (list: AppendixSection[], depth: number) => {
    list.forEach((section, i) => {
      rows.push(
        <tr className="section" key={`s-${depth}-${rows.length}`}>
          <td>{section.code ?? ''}</td>
          <td colSpan={extra ? 8 : 7}>
            {section.title}
            {section.indicator && (
              <span className="muted">
                {' '}
                · {section.indicator.framework} {section.indicator.code}
              </span>
            )}
          </td>
        </tr>,
      );
      section.tasks.forEach((task, j) =>
        rows.push(
          <tr key={`t-${task.id}-${i}-${j}`}>
            <td>{task.ordinal ?? j + 1}</td>
            <td>{task.text}</td>
            <td>{task.target?.text}</td>
            <td>{task.lead?.text}</td>
            <td>{task.implementing?.text}</td>
            <td>{task.monitoring?.text}</td>
            <td>{task.timeframe?.text}</td>
            <td>{task.expectedResult}</td>
            {extra && <td>{extra(task)}</td>}
          </tr>,
        ),
      );
      if (section.sections?.length) walk(section.sections, depth + 1);
    });
  };
  walk(sections, 0);
  return (
    <div className="table-scroll">
      <table className="appendix">
        <caption className="muted" style={{ textAlign: 'left', padding: '4px 0' }}>
          Phụ lục: nhiệm vụ cụ thể
        </caption>
        <thead>
          <tr>
            <th scope="col">STT</th>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Chủ trì</th>
            <th scope="col">Thực hiện</th>
            <th scope="col">Theo dõi</th>
            <th scope="col">Thời gian</th>
            <th scope="col">Kết quả</th>
            {extra && <th scope="col">Dòng thời gian</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <Fragment key={i}>{row}</Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

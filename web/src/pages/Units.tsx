import { useMemo } from 'react';
import { Alert, Breadcrumb, DatePicker, Descriptions, Tag } from 'antd';
import { ListTable } from '../components/CardTable';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { AccountAdministration, ROLE_LABEL } from '../components/AccountAdministration';
import { graphql } from '../gql';
import { problemsOf } from '../lib/errors';
import { dayjs, formatDay } from '../lib/format';
import { currentSession, isAdmin } from '../lib/session';
import { useUrlState } from '../lib/url';
import { ProblemAlerts } from '../components/ProblemAlerts';

const UnitQuery = graphql(`
  query UnitPage($code: ID!, $asOf: DateTime) {
    unit(code: $code, asOf: $asOf) {
      code
      name
      type
      level
      validFrom
      validTo
      dissolved
      mergedInto {
        code
        name
      }
      ancestors {
        code
        name
      }
      children {
        code
        name
        type
        validFrom
        validTo
        mergedInto {
          code
          name
        }
      }
      agencies {
        code
        name
        kind
      }
    }
  }
`);
const AccountsQuery = graphql(`
  query UnitAccounts($code: ID!) {
    unit(code: $code) {
      code
      accounts {
        id
        username
        displayName
        status
        roles {
          role
          unit {
            code
            name
          }
        }
      }
    }
  }
`);

/** Administrative units with their history: a day to look at, the merged unit and its successor. */
export default function Units() {
  const session = currentSession();
  const { code = session?.unit?.code ?? '49' } = useParams();
  const [params, update] = useUrlState();
  const asOf = params.get('ngay') || undefined;
  const [{ data, fetching, error }] = useQuery({ query: UnitQuery, variables: { code, asOf: asOf ? `${asOf}T12:00:00+07:00` : undefined } });
  // Refetched after any account mutation, also while the list is empty (no Account in it to invalidate).
  const accountsContext = useMemo(() => ({ additionalTypenames: ['Account'] }), []);
  const [accounts] = useQuery({ query: AccountsQuery, variables: { code }, pause: !isAdmin(session), context: accountsContext });
  const unit = data?.unit;
  return (
    <div className="page">
      <h1>Đơn vị hành chính</h1>
      <div className="filters">
        <label>
          Tại ngày
          <DatePicker
            aria-label="Tại ngày"
            format="DD/MM/YYYY"
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => update({ ngay: d ? d.format('YYYY-MM-DD') : null })}
          />
        </label>
      </div>
      <ProblemAlerts problems={problemsOf(error)} />
      {!unit && !fetching && !error && (
        <Alert type="warning" showIcon title={`Đơn vị ${code} không có hiệu lực${asOf ? ` vào ngày ${formatDay(asOf)}` : ''}.`} />
      )}
      {unit && (
        <>
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[...unit.ancestors]
              .reverse()
              .map((a) => ({ key: a.code, title: <Link to={`/don-vi/${a.code}${asOf ? `?ngay=${asOf}` : ''}`}>{a.name}</Link> }))
              .concat([{ key: unit.code, title: <span>{unit.name}</span> }])}
          />
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ background: '#fff' }}>
            <Descriptions.Item label="Tên">{unit.name}</Descriptions.Item>
            <Descriptions.Item label="Mã">{unit.code}</Descriptions.Item>
            <Descriptions.Item label="Loại">{unit.type}</Descriptions.Item>
            <Descriptions.Item label="Hiệu lực từ">{formatDay(unit.validFrom) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Hết hiệu lực">{formatDay(unit.validTo) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị kế thừa">
              {unit.mergedInto ? <Link to={`/don-vi/${unit.mergedInto.code}`}>{unit.mergedInto.name}</Link> : '—'}
            </Descriptions.Item>
          </Descriptions>
          <h2>Đơn vị trực thuộc ({unit.children.length})</h2>
          <ListTable
            rowKey="code"
            rows={unit.children}
            pageSize={30}
            columns={[
              { title: 'Tên', render: (_, c) => <Link to={`/don-vi/${c.code}${asOf ? `?ngay=${asOf}` : ''}`}>{c.name}</Link> },
              { title: 'Mã', dataIndex: 'code' },
              { title: 'Hiệu lực', render: (_, c) => `${formatDay(c.validFrom) || '…'} – ${formatDay(c.validTo) || 'nay'}` },
              { title: 'Lịch sử sáp nhập', render: (_, c) => (c.mergedInto ? <Tag>Sáp nhập vào {c.mergedInto.name}</Tag> : '') },
            ]}
          />
          {unit.agencies.length > 0 && (
            <>
              <h2>Cơ quan, đơn vị ({unit.agencies.length})</h2>
              <ul>
                {unit.agencies.map((a) => (
                  <li key={a.code}>
                    {a.name} <span className="muted">({a.code})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {accounts.data?.unit && (
            <>
              <h2>Tài khoản và vai trò</h2>
              <ListTable
                rowKey="id"
                rows={accounts.data.unit.accounts}
                pageSize={20}
                columns={[
                  { title: 'Tên đăng nhập', dataIndex: 'username' },
                  { title: 'Họ tên / đơn vị', dataIndex: 'displayName' },
                  { title: 'Trạng thái', render: (_, a) => (a.status === 'ACTIVE' ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã vô hiệu hóa</Tag>) },
                  { title: 'Vai trò', render: (_, a) => a.roles.map((r) => `${ROLE_LABEL[r.role] ?? r.role}${r.unit ? ` (${r.unit.name})` : ''}`).join('; ') },
                ]}
              />
              <AccountAdministration unitCode={unit.code} accounts={accounts.data.unit.accounts} />
            </>
          )}
        </>
      )}
    </div>
  );
}

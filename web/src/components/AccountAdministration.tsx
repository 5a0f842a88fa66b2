import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useClient } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { problemsOf, splitProblems, type ApiProblem } from '../lib/errors';
import { ProblemAlerts } from './ProblemAlerts';

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      username
    }
  }
`);
const GrantRole = graphql(`
  mutation GrantRole($username: String!, $role: Role!, $unitCode: ID!) {
    grantRole(username: $username, role: $role, unitCode: $unitCode) {
      id
    }
  }
`);
const RevokeRole = graphql(`
  mutation RevokeRole($username: String!, $role: Role!, $unitCode: ID!) {
    revokeRole(username: $username, role: $role, unitCode: $unitCode) {
      id
    }
  }
`);
const DisableAccount = graphql(`
  mutation DisableAccount($username: String!, $reason: String!) {
    disableAccount(username: $username, reason: $reason) {
      id
      status
    }
  }
`);

export const ROLE_LABEL: Record<string, string> = {
  PLATFORM_ADMIN: 'Quản trị nền tảng',
  UNIT_MANAGER: 'Lãnh đạo, quản lý đơn vị',
  UNIT_OFFICER: 'Cán bộ thực hiện',
  AUDITOR: 'Thanh tra, kiểm tra',
  VIEWER: 'Chỉ xem',
};
const ROLE_OPTIONS = Object.entries(ROLE_LABEL).map(([value, label]) => ({ value, label }));

type FormOf<T> = ReturnType<typeof Form.useForm<T>>[0];

/**
 * Shows the API's problems beside the fields they name (in the API's Vietnamese words); the rest
 * (a refusal of access, a lost connection) above the form. Returns whether there were any.
 */
function useProblems<T extends object>(form: FormOf<T>, fields: readonly string[]) {
  const [other, setOther] = useState<ApiProblem[]>([]);
  const show = (problems: ApiProblem[]) => {
    const { byField, other: rest } = splitProblems(problems, fields);
    form.setFields(fields.map((name) => ({ name: name as never, errors: byField[name] ? [byField[name]] : [] })));
    setOther(rest);
    return problems.length > 0;
  };
  const alerts = <ProblemAlerts problems={other} gap={8} />;
  return { show, alerts };
}

interface AccountRow {
  username: string;
  displayName: string;
  status: string;
}

/**
 * Account and role administration for platform administrators, on a unit's page: create an
 * account, grant or revoke a role, disable an account. Every call goes through the gateway; the
 * directory decides who may do what and says why not.
 */
export function AccountAdministration({ unitCode, accounts }: { unitCode: string; accounts: readonly AccountRow[] }) {
  const client = useClient();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [createForm] = Form.useForm<{ username: string; displayName: string; password: string; unitCode: string }>();
  const [roleForm] = Form.useForm<{ username: string; role: Role; unitCode: string }>();
  const [disableForm] = Form.useForm<{ username: string; reason: string }>();
  const create = useProblems(createForm, ['username', 'displayName', 'password', 'unitCode']);
  const roles = useProblems(roleForm, ['username', 'role', 'unitCode']);
  const disable = useProblems(disableForm, ['username', 'reason']);
  const accountOptions = accounts.map((a) => ({
    value: a.username,
    label: `${a.username} — ${a.displayName}${a.status === 'ACTIVE' ? '' : ' (đã vô hiệu hóa)'}`,
  }));

  const run = async (action: () => Promise<{ error?: Parameters<typeof problemsOf>[0] }>, show: (p: ApiProblem[]) => boolean, success: string) => {
    setBusy(true);
    setDone(null);
    const result = await action();
    setBusy(false);
    if (show(problemsOf(result.error))) return false;
    // The unit's account list refetches itself: urql's cache drops queries that hold Accounts.
    setDone(success);
    return true;
  };

  const submitCreate = async () => {
    const values = await createForm.validateFields().catch(() => null);
    if (!values) return;
    const ok = await run(
      () => client.mutation(CreateAccount, { input: { ...values, username: values.username.trim() } }).toPromise(),
      create.show,
      `Đã tạo tài khoản "${values.username.trim()}".`,
    );
    if (ok) createForm.resetFields();
  };
  const submitRole = async (grant: boolean) => {
    const values = await roleForm.validateFields().catch(() => null);
    if (!values) return;
    const label = ROLE_LABEL[values.role] ?? values.role;
    await run(
      () => client.mutation(grant ? GrantRole : RevokeRole, values).toPromise(),
      roles.show,
      grant
        ? `Đã giao vai trò ${label} tại ${values.unitCode} cho "${values.username}".`
        : `Đã thu hồi vai trò ${label} tại ${values.unitCode} của "${values.username}".`,
    );
  };
  const submitDisable = async () => {
    const values = await disableForm.validateFields().catch(() => null);
    if (!values) return;
    const ok = await run(
      () => client.mutation(DisableAccount, values).toPromise(),
      disable.show,
      `Đã vô hiệu hóa tài khoản "${values.username}"; phiên đăng nhập của tài khoản bị từ chối ngay.`,
    );
    if (ok) disableForm.resetFields();
  };

  return (
    <section aria-labelledby="account-admin-heading">
      <h2 id="account-admin-heading">Quản trị tài khoản</h2>
      {done && <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 8 }} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 16 }}>
        <Card size="small" title="Tạo tài khoản">
          {create.alerts}
          <Form form={createForm} layout="vertical" name="create-account" initialValues={{ unitCode }} onFinish={submitCreate}>
            <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label="Họ tên / tên hiển thị" name="displayName" rules={[{ required: true, message: 'Nhập họ tên hoặc tên hiển thị.' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="Mật khẩu ban đầu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu ban đầu.' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label="Mã đơn vị của tài khoản" name="unitCode" rules={[{ required: true, message: 'Nhập mã đơn vị.' }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={busy}>
              Tạo tài khoản
            </Button>
          </Form>
        </Card>
        <Card size="small" title="Giao, thu hồi vai trò">
          {roles.alerts}
          <Form form={roleForm} layout="vertical" name="account-role" initialValues={{ unitCode }}>
            <Form.Item label="Tài khoản" name="username" rules={[{ required: true, message: 'Chọn tài khoản.' }]}>
              <Select showSearch optionFilterProp="label" options={accountOptions} />
            </Form.Item>
            <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Chọn vai trò.' }]}>
              <Select options={ROLE_OPTIONS} />
            </Form.Item>
            <Form.Item
              label="Tại đơn vị (mã)"
              name="unitCode"
              rules={[{ required: true, message: 'Nhập mã đơn vị.' }]}
              extra="Vai trò có hiệu lực với cả các đơn vị trực thuộc."
            >
              <Input />
            </Form.Item>
            <Space wrap>
              <Button type="primary" onClick={() => submitRole(true)} disabled={busy}>
                Giao vai trò
              </Button>
              <Button onClick={() => submitRole(false)} disabled={busy}>
                Thu hồi vai trò
              </Button>
            </Space>
          </Form>
        </Card>
        <Card size="small" title="Vô hiệu hóa tài khoản">
          {disable.alerts}
          <Form form={disableForm} layout="vertical" name="disable-account" onFinish={submitDisable}>
            <Form.Item label="Tài khoản cần vô hiệu hóa" name="username" rules={[{ required: true, message: 'Chọn tài khoản.' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={accountOptions.filter((o) => accounts.find((a) => a.username === o.value)?.status === 'ACTIVE')}
              />
            </Form.Item>
            <Form.Item label="Lý do vô hiệu hóa" name="reason" rules={[{ required: true, message: 'Nêu lý do vô hiệu hóa.' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button danger htmlType="submit" disabled={busy}>
              Vô hiệu hóa
            </Button>
          </Form>
        </Card>
      </div>
    </section>
  );
}

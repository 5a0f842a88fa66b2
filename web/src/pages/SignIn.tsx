import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { graphql } from '../gql';
import { problemsOf, splitProblems } from '../lib/errors';
import { saveSession } from '../lib/session';

const Login = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
    }
  }
`);
// Asked with the new token: who signed in, and the units their roles apply to (the unit they work for).
const Me = graphql(`
  query Me {
    me {
      username
      displayName
      roles {
        role
        unit {
          code
          name
          level
        }
      }
    }
  }
`);

export default function SignIn() {
  const [, login] = useMutation(Login);
  const client = useClient();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [other, setOther] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    const result = await login(values);
    const { byField, other } = splitProblems(problemsOf(result.error), ['username', 'password']);
    form.setFields((['username', 'password'] as const).map((name) => ({ name, errors: byField[name] ? [byField[name]] : [] })));
    setOther(other.map((p) => p.message));
    const session = result.data?.login;
    if (!session) {
      setBusy(false);
      return;
    }
    const me = await client
      .query(Me, {}, { requestPolicy: 'network-only', fetchOptions: { headers: { authorization: `Bearer ${session.token}` } } })
      .toPromise();
    setBusy(false);
    const account = me.data?.me;
    if (!account) return setOther(problemsOf(me.error).map((p) => p.message));
    const workUnit = account.roles.find((r) => r.unit)?.unit ?? null;
    saveSession({
      token: session.token,
      expiresAt: session.expiresAt,
      username: account.username,
      displayName: account.displayName,
      unit: workUnit ? { code: workUnit.code, name: workUnit.name, level: workUnit.level } : null,
      roles: account.roles.map((r) => ({ role: r.role, unitCode: r.unit?.code ?? null })),
    });
    const next = params.get('tiep');
    navigate(next && next.startsWith('/') ? next : '/', { replace: true });
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      {/* A plain panel, not antd's Card: Card brings tabs and menus into the lightest page. */}
      <div className="sign-in-panel">
        <h1 style={{ fontSize: 22, marginTop: 0 }}>Đăng nhập</h1>
        <p className="muted">Nền tảng cải cách hành chính</p>
        {other.length > 0 && <Alert type="error" showIcon title={other.join(' ')} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          <Link to="/cong-khai">Công khai kết quả thực hiện</Link>
        </p>
      </div>
    </main>
  );
}

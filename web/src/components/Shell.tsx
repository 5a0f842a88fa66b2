import { Button, Grid, Layout, Menu } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { currentSession, isAdmin, isAuditor, signOut } from '../lib/session';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: the unit's name, the pages, sign-out. On a phone the menu folds away. */
export default function Shell() {
  const session = currentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  const items = [
    { key: '/', label: <Link to="/">Việc cần làm</Link> },
    { key: '/ke-hoach', label: <Link to="/ke-hoach">Kế hoạch</Link> },
    { key: '/bao-cao', label: <Link to="/bao-cao">Báo cáo</Link> },
    { key: '/cham-diem', label: <Link to="/cham-diem">Chấm điểm CCHC</Link> },
    { key: '/don-vi', label: <Link to={`/don-vi/${session?.unit?.code ?? ''}`}>{isAdmin(session) ? 'Đơn vị, tài khoản' : 'Đơn vị hành chính'}</Link> },
    ...(isAuditor(session) || isAdmin(session) ? [{ key: '/kiem-tra', label: <Link to="/kiem-tra">Kiểm tra, truy vết</Link> }] : []),
    { key: '/cong-khai', label: <Link to="/cong-khai">Công khai</Link> },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b5394', padding: '0 16px', color: '#fff' }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>Cải cách hành chính</Link>
        <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} aria-label="Đơn vị đang làm việc">
          {session?.unit?.name} {screens.md ? `· ${session?.displayName}` : ''}
        </span>
        <Button
          onClick={() => {
            signOut();
            navigate('/dang-nhap');
          }}
        >
          Đăng xuất
        </Button>
      </Header>
      <Layout>
        <Sider breakpoint="lg" collapsedWidth={0} width={210} theme="light" aria-label="Các trang">
          <nav aria-label="Các trang">
            <Menu mode="inline" selectedKeys={[section === '/' ? '/' : section]} items={items} style={{ height: '100%' }} />
          </nav>
        </Sider>
        {/* antd's Content is the page's <main> landmark. */}
        <Content id="main" tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

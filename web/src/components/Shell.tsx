import { Button, Grid, Layout } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { FeedbackProvider } from '../lib/feedback';
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
    { key: '/', to: '/', label: 'Việc cần làm' },
    { key: '/ke-hoach', to: '/ke-hoach', label: 'Kế hoạch' },
    { key: '/bao-cao', to: '/bao-cao', label: 'Báo cáo' },
    { key: '/cham-diem', to: '/cham-diem', label: 'Chấm điểm CCHC' },
    { key: '/don-vi', to: `/don-vi/${session?.unit?.code ?? ''}`, label: isAdmin(session) ? 'Đơn vị, tài khoản' : 'Đơn vị hành chính' },
    ...(isAuditor(session) || isAdmin(session) ? [{ key: '/kiem-tra', to: '/kiem-tra', label: 'Kiểm tra, truy vết' }] : []),
    { key: '/cong-khai', to: '/cong-khai', label: 'Công khai' },
  ];
  return (
    <FeedbackProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <a className="skip-link" href="#main">
          Bỏ qua, đến nội dung chính
        </a>
        <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b5394', padding: '0 16px', color: '#fff' }}>
          <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
            Cải cách hành chính
          </Link>
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
              {/* A list of links styled as antd's inline menu, without its code (a tenth of the inbox's JavaScript). */}
              <ul className="side-nav">
                {items.map((item) => (
                  <li key={item.key} className={item.key === section ? 'selected' : undefined}>
                    <Link to={item.to} aria-current={item.key === section ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </Sider>
          {/* antd's Content is the page's <main> landmark. */}
          <Content id="main" tabIndex={-1}>
            <Outlet />
          </Content>
        </Layout>
      </Layout>
    </FeedbackProvider>
  );
}

import { lazy, Suspense, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { Provider } from 'urql';
import { client } from './lib/client';
import { currentSession, onSessionChange } from './lib/session';
import './lib/format';
import './app.css';

// Every page is its own chunk: the sign-in page does not carry the dashboards' charts.
const SignIn = lazy(() => import('./pages/SignIn'));
const Shell = lazy(() => import('./components/Shell'));
const Inbox = lazy(() => import('./pages/Inbox'));
const Plans = lazy(() => import('./pages/Plans'));
const PlanView = lazy(() => import('./pages/PlanView'));
const PlanEditor = lazy(() => import('./pages/PlanEditor'));
const AssignmentPage = lazy(() => import('./pages/Assignment'));
const Dashboard = lazy(() => import('./pages/Dashboard'));
const Units = lazy(() => import('./pages/Units'));
const Audit = lazy(() => import('./pages/Audit'));
const Public = lazy(() => import('./pages/Public'));
const Reports = lazy(() => import('./pages/Reports'));
const ReportPage = lazy(() => import('./pages/Report'));
const Scoring = lazy(() => import('./pages/Scoring'));
const Campaign = lazy(() => import('./pages/Campaign'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage'));
const Papi = lazy(() => import('./pages/Papi'));

function useSession() {
  return useSyncExternalStore(onSessionChange, () => sessionStorage.getItem('reform.session'));
}

function Protected() {
  useSession();
  const location = useLocation();
  if (!currentSession()) return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Shell />;
}

const loading = (
  <div className="page-loading" role="status" aria-live="polite">
    <Spin /> <span>Đang tải…</span>
  </div>
);

export function App() {
  return (
    <ConfigProvider
      locale={viVN}
      theme={{
        token: {
          colorPrimary: '#0b5394',
          colorLink: '#0b5394',
          colorError: '#b3261e',
          colorTextDescription: '#595959',
          colorTextTertiary: '#595959',
          fontSize: 14,
        },
      }}
    >
      <Provider value={client}>
        <BrowserRouter>
          <Suspense fallback={loading}>
            <Routes>
              <Route path="/dang-nhap" element={<SignIn />} />
              <Route path="/cong-khai" element={<Public />} />
              <Route element={<Protected />}>
                <Route index element={<Inbox />} />
                <Route path="/ke-hoach" element={<Plans />} />
                <Route path="/ke-hoach/moi" element={<PlanEditor />} />
                <Route path="/ke-hoach/:id" element={<PlanView />} />
                <Route path="/ke-hoach/:id/sua" element={<PlanEditor />} />
                <Route path="/ke-hoach/:id/theo-doi" element={<Dashboard />} />
                <Route path="/nhiem-vu/:id" element={<AssignmentPage />} />
                <Route path="/bao-cao" element={<Reports />} />
                <Route path="/bao-cao/:id" element={<ReportPage />} />
                <Route path="/don-vi" element={<Units />} />
                <Route path="/don-vi/:code" element={<Units />} />
                <Route path="/kiem-tra" element={<Audit />} />
                <Route path="/cham-diem" element={<Scoring />} />
                <Route path="/cham-diem/dot/:id" element={<Campaign />} />
                <Route path="/cham-diem/phieu/:id" element={<AssessmentPage />} />
                <Route path="/cham-diem/papi" element={<Papi />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </Provider>
    </ConfigProvider>
  );
}

/** The signed-in account, kept for the browser tab only (sessionStorage): closing the tab signs out. */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly username: string;
  readonly displayName: string;
  readonly unit: { readonly code: string; readonly name: string; readonly level: string } | null;
  readonly roles: ReadonlyArray<{ readonly role: string; readonly unitCode: string | null }>;
}

const KEY = 'reform.session';
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const isAdmin = (session: Session | null) => !!session?.roles.some((r) => r.role === 'PLATFORM_ADMIN');
export const isAuditor = (session: Session | null) => !!session?.roles.some((r) => r.role === 'AUDITOR');

/**
 * Who is signed in, for the whole page: asked of the server once (the
 * session is an HttpOnly cookie the page cannot read), then kept here.
 *
 *   <AuthProvider>…</AuthProvider>
 *   const auth = useAuth();  // auth.state: loading | signedOut | signedIn (with /api/auth/me's answer)
 *   await auth.signIn({ login, password });  auth.signOut();
 */
import type { LoginRequest, MeResponse, PrincipalSummary } from '@samplan/shared';
import { SamplanError } from '@samplan/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi as api } from '../api/authEndpoints.ts';

export type StaffPrincipal = Extract<PrincipalSummary, { kind: 'staff' }>;

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  /** Anyone the server knows: staff, or a guest who redeemed a link (the guest pages use that). */
  | { status: 'signedIn'; me: MeResponse }
  /** The server could not be asked; the page offers to try again. */
  | { status: 'failed'; error: unknown };

export interface Auth {
  readonly state: AuthState;
  signIn(request: LoginRequest): Promise<void>;
  signOut(): Promise<void>;
  refresh(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(() => {
    setState({ status: 'loading' });
    api.me().then(
      (me) => setState({ status: 'signedIn', me }),
      (error: unknown) => setState(error instanceof SamplanError && error.code === 'UNAUTHORIZED' ? { status: 'signedOut' } : { status: 'failed', error }),
    );
  }, []);

  useEffect(refresh, [refresh]);

  const auth = useMemo<Auth>(
    () => ({
      state,
      refresh,
      async signIn(request) {
        const me = await api.login(request);
        setState({ status: 'signedIn', me });
      },
      async signOut() {
        await api.logout().catch(() => undefined);
        setState({ status: 'signedOut' });
      },
    }),
    [state, refresh],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === null) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}

/** The signed-in staff member, for pages only staff reach (App.tsx guards them). */
export function useStaff(): StaffPrincipal {
  const { state } = useAuth();
  if (state.status !== 'signedIn' || state.me.principal.kind !== 'staff') throw new Error('useStaff on a page for staff without a staff session');
  return state.me.principal;
}

import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { canAccess, type Feature } from '../../../../src-shared/auth/permissions';
import { useSession } from '../../../stores/session';
import { AccessDeniedPage } from './AccessDeniedPage';

/** Until the first-run setup is done, the EC workspace is the setup wizard and nothing else. */
export function EcRoot() {
  const setupDone = useSession((s) => s.setupDone);
  const { pathname } = useLocation();
  const onSetup = pathname === '/ec/setup';
  if (!setupDone && !onSetup) return <Navigate to="/ec/setup" replace />;
  if (setupDone && onSetup) return <Navigate to="/ec" replace />;
  return <Outlet />;
}

/** Pages that need a staff session; the sign-in page brings the user back here afterwards. */
export function RequireSession() {
  const user = useSession((s) => s.user);
  const notice = useSession((s) => s.notice);
  const location = useLocation();
  if (!user) {
    // after a lost session, come back to the same page; after "Esci", start from the overview
    const from = notice && notice.reason !== 'signedOut' ? location.pathname : undefined;
    return <Navigate to="/ec/sign-in" replace state={{ from }} />;
  }
  return <Outlet />;
}

/**
 * Hides what main would refuse anyway. Main remains the authority: this only spares the user a
 * page full of "forbidden" errors when a URL is typed by hand.
 */
export function RequireFeature({ feature, children }: { feature: Feature; children: ReactNode }) {
  const user = useSession((s) => s.user);
  if (!user || !canAccess(user.role, feature)) return <AccessDeniedPage />;
  return <>{children}</>;
}

import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../../stores/session';

export const PAYER_HOME = '/pagatore/pagamenti';
export const PAYER_SIGN_IN = '/pagatore/accedi';

/** Pages for a signed-in payer; after a lost session the sign-in page brings them back here. */
export function RequirePayer() {
  const payer = useSession((s) => s.payer);
  const notice = useSession((s) => s.payerNotice);
  const location = useLocation();
  if (!payer) {
    const from = notice && notice.reason !== 'signedOut' ? location.pathname : undefined;
    return <Navigate to={PAYER_SIGN_IN} replace state={{ from }} />;
  }
  return <Outlet />;
}

/** Home, registration, activation and sign-in make no sense once signed in: straight to the payments. */
export function PayerSignedOutOnly() {
  const payer = useSession((s) => s.payer);
  const location = useLocation();
  if (payer) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? PAYER_HOME} replace />;
  }
  return <Outlet />;
}

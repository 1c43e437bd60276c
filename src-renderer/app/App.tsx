import { useEffect } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { RouterProvider } from 'react-router-dom';
import { appTheme } from './theme';
import { router } from './router';
import { Notifier } from '../components/Notifier';
import { api } from '../api/client';
import { useSession } from '../stores/session';

/** Providers, the first status read, and the session-expiry subscription that outlives every page. */
export function App() {
  const load = useSession((s) => s.load);
  const sessionLost = useSession((s) => s.sessionLost);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () => api.onEvent('session.expired', (payload) => sessionLost(payload.reason === 'idle' ? 'idle' : 'signedOutElsewhere')),
    [sessionLost],
  );

  return (
    <ThemeProvider theme={appTheme}>
      <CssBaseline />
      <RouterProvider router={router} />
      <Notifier />
    </ThemeProvider>
  );
}

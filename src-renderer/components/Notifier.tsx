import { Alert, Snackbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../stores/notifications';

/**
 * Toasts for the outcome of an action. Successes are a polite status message, failures an alert,
 * so assistive technology announces both without moving focus.
 */
export function Notifier() {
  const { t } = useTranslation();
  const current = useNotifications((s) => s.current);
  const dismiss = useNotifications((s) => s.dismiss);
  return (
    <Snackbar
      key={current?.id}
      open={current !== null}
      autoHideDuration={current?.severity === 'error' ? null : 6000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') dismiss();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {current ? (
        <Alert
          severity={current.severity}
          role={current.severity === 'error' ? 'alert' : 'status'}
          onClose={dismiss}
          closeText={t('common.close')}
          variant="filled"
          sx={{ minWidth: 320 }}
        >
          {current.message}
          {current.code ? (
            <Typography component="span" variant="caption" sx={{ display: 'block' }}>
              {t('common.errorCode', { code: current.code })}
            </Typography>
          ) : null}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}

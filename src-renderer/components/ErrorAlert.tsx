import { Alert, AlertTitle, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

interface ErrorAlertProps {
  error: ApiError | null;
  title?: string;
  sx?: SxProps<Theme>;
}

/** Main's Italian message, with the stable code in small print for support calls. */
export function ErrorAlert({ error, title, sx }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" sx={sx}>
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {error.message}
      <Typography component="span" variant="caption" sx={{ display: 'block', mt: 0.5, color: 'text.secondary' }}>
        {t('common.errorCode', { code: error.code })}
      </Typography>
    </Alert>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

interface PageHeadingProps {
  title: string;
  /** the window title when it should differ from the visible heading */
  documentTitle?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/**
 * The page's single h1. It also sets document.title and takes focus when the page mounts, so a
 * screen reader announces the new page after a client-side navigation (nothing else would).
 */
export function PageHeading({ title, documentTitle, subtitle, actions }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} – ${t('common.appName')}`;
  }, [title, documentTitle, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} justifyContent="space-between" alignItems={{ sm: 'flex-start' }} sx={{ mb: 3 }}>
      <Box>
        <Typography variant="h4" component="h1" ref={ref} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>
          {title}
        </Typography>
        {subtitle ? (
          <Typography variant="body1" color="text.secondary" sx={{ mt: 1, maxWidth: '70ch' }}>
            {subtitle}
          </Typography>
        ) : null}
      </Box>
      {actions ? <Box sx={{ flexShrink: 0 }}>{actions}</Box> : null}
    </Stack>
  );
}

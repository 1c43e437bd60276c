import type { ReactNode } from 'react';
import { Box, Container, Link, Stack } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from './LanguageToggle';

/**
 * The slim account bar pagoPA products put above the product header (as mui-italia's HeaderAccount),
 * rebuilt because HeaderAccount's root link opens an external site in a new window.
 */
export function TopBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', minHeight: 48, display: 'flex', alignItems: 'center' }}>
      <Container maxWidth={false}>
        <Stack direction="row" justifyContent="space-between" alignItems="center" spacing={2}>
          <Link component={RouterLink} to="/" underline="hover" sx={{ fontWeight: 700, color: 'text.primary', fontSize: 14 }}>
            {t('common.appName')}
          </Link>
          <Stack direction="row" alignItems="center" spacing={{ xs: 1, sm: 3 }}>
            <LanguageToggle />
            {children}
          </Stack>
        </Stack>
      </Container>
    </Box>
  );
}

/** A skip link, first in the tab order, visible only while focused. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <Box
      component="a"
      href="#main-content"
      onClick={(event: React.MouseEvent) => {
        // the hash router owns location.hash, so move focus by hand instead of following the link
        event.preventDefault();
        document.getElementById('main-content')?.focus();
      }}
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 2000,
        px: 2,
        py: 1,
        bgcolor: 'primary.main',
        color: 'primary.contrastText',
        borderRadius: 1,
        '&:focus': { top: 8 },
      }}
    >
      {t('common.skipToContent')}
    </Box>
  );
}

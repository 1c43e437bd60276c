import type { ReactNode } from 'react';
import { Box, Container } from '@mui/material';
import { HeaderProduct } from '@pagopa/mui-italia';
import { useTranslation } from 'react-i18next';
import { SkipLink, TopBar } from './TopBar';
import { AppFooter } from './AppFooter';

/** Pages outside a signed-in workspace: chooser, setup, sign-in, Pagatore. */
export function PublicLayout({ children, product, maxWidth = 'md' }: { children: ReactNode; product?: string; maxWidth?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <SkipLink />
      <header>
        <TopBar />
        <HeaderProduct productsList={[{ id: 'sportello', title: product ?? t('common.appName'), productUrl: '', linkType: 'internal' }]} />
      </header>
      <Container component="main" id="main-content" tabIndex={-1} maxWidth={maxWidth} sx={{ py: { xs: 3, md: 6 }, flex: 1, '&:focus': { outline: 'none' } }}>
        {children}
      </Container>
      <AppFooter />
    </Box>
  );
}

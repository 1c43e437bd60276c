import { useState } from 'react';
import { Box, Button, Container, Stack, Typography } from '@mui/material';
import { Logout } from '@mui/icons-material';
import { HeaderProduct } from '@pagopa/mui-italia';
import { NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../stores/session';
import { useDirtyForms } from '../../../stores/dirtyForms';
import { SkipLink, TopBar } from '../../../components/TopBar';
import { AppFooter } from '../../../components/AppFooter';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

const entries = [
  { to: '/pagatore/pagamenti', labelKey: 'pagatore.shell.payments' },
  { to: '/pagatore/privacy', labelKey: 'pagatore.shell.privacy' },
] as const;

/** The signed-in payer's pages: account bar with "Esci", product header, a two-entry menu, the page. */
export function PagatoreShell() {
  const { t } = useTranslation();
  const payer = useSession((s) => s.payer);
  const signOut = useSession((s) => s.payerSignOut);
  const dirtyCount = useDirtyForms((s) => s.ids.size);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  if (!payer) return null;

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <SkipLink />
      <header>
        <TopBar>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('pagatore.shell.account', { name: `${payer.firstName} ${payer.lastName}`, fiscalCode: payer.fiscalCode })}
          </Typography>
          <Button size="small" variant="text" startIcon={<Logout aria-hidden />} onClick={() => (dirtyCount > 0 ? setConfirmSignOut(true) : void signOut())}>
            {t('pagatore.shell.signOut')}
          </Button>
        </TopBar>
        <HeaderProduct productsList={[{ id: 'pagatore', title: t('pagatore.product'), productUrl: '', linkType: 'internal' }]} />
      </header>
      <Box component="nav" aria-label={t('pagatore.shell.nav')} sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Container maxWidth="lg">
          {/* links, not ARIA tabs: each entry is a page of its own (NavLink sets aria-current) */}
          <Stack component="ul" direction="row" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {entries.map((e) => (
              <li key={e.to}>
                <Box
                  component={NavLink}
                  to={e.to}
                  sx={{
                    display: 'inline-block',
                    px: 2,
                    py: 1.5,
                    fontWeight: 600,
                    color: 'text.primary',
                    textDecoration: 'none',
                    borderBottom: 3,
                    borderColor: 'transparent',
                    '&.active': { color: 'primary.main', borderColor: 'primary.main' },
                    '&:hover': { color: 'primary.main' },
                    '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', outlineOffset: -2 },
                  }}
                >
                  {t(e.labelKey)}
                </Box>
              </li>
            ))}
          </Stack>
        </Container>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} maxWidth="lg" sx={{ py: { xs: 3, md: 5 }, flex: 1, '&:focus': { outline: 'none' } }}>
        <Stack>
          <Outlet />
        </Stack>
      </Container>
      <AppFooter />
      <ConfirmDialog
        open={confirmSignOut}
        title={t('unsaved.title')}
        confirmLabel={t('unsaved.leave')}
        cancelLabel={t('unsaved.stay')}
        onCancel={() => setConfirmSignOut(false)}
        onConfirm={() => {
          setConfirmSignOut(false);
          void signOut();
        }}
      >
        {t('unsaved.body')}
      </ConfirmDialog>
    </Box>
  );
}

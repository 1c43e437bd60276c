import { useEffect, useState } from 'react';
import { Box, Button, List, ListItemButton, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { Dashboard, AccountBalance, People, History, Logout, Description, Tune, HowToReg, VpnKey } from '@mui/icons-material';
import { FactCheck, RocketLaunch, SettingsInputAntenna } from '@mui/icons-material';
import { HeaderProduct } from '@pagopa/mui-italia';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { canAccess, type Feature } from '../../../../src-shared/auth/permissions';
import { useSession } from '../../../stores/session';
import { useDirtyForms } from '../../../stores/dirtyForms';
import { SkipLink, TopBar } from '../../../components/TopBar';
import { AppFooter } from '../../../components/AppFooter';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
// onboarding: registration, API keys (part A)
import { stepGate, type OnboardingStepId } from '../../../../src-shared/onboarding/steps';
import { useOnboarding } from '../../../stores/onboarding';

interface NavEntry {
  to: string;
  feature: Feature;
  labelKey:
    | 'shell.nav.dashboard'
    | 'shell.nav.iban'
    | 'shell.nav.staff'
    | 'shell.nav.audit'
    | 'shell.nav.positions'
    | 'shell.nav.noticeSettings'
    | 'shell.nav.registration'
    | 'shell.nav.apiKeys'
    | 'shell.nav.stations'
    | 'shell.nav.testActivities'
    | 'shell.nav.goLive';
  icon: React.ReactNode;
  end?: boolean;
  /** disabled, with the reason shown, until this onboarding step is possible */
  step?: OnboardingStepId;
}

/** Only features that exist today; the role map decides which of them a user sees. */
const navEntries: readonly NavEntry[] = [
  { to: '/ec', feature: 'dashboard', labelKey: 'shell.nav.dashboard', icon: <Dashboard />, end: true },
  // onboarding in pagoPA's order (each entry disabled, with the reason, until its step is possible)
  { to: '/ec/registration', feature: 'nodoRegistration', labelKey: 'shell.nav.registration', icon: <HowToReg />, step: 'registration' },
  { to: '/ec/api-keys', feature: 'apiKeys', labelKey: 'shell.nav.apiKeys', icon: <VpnKey />, step: 'nodoApiKey' },
  { to: '/ec/stations', feature: 'stations', labelKey: 'shell.nav.stations', icon: <SettingsInputAntenna />, step: 'station' },
  { to: '/ec/iban', feature: 'iban', labelKey: 'shell.nav.iban', icon: <AccountBalance />, step: 'ibans' },
  { to: '/ec/test-activities', feature: 'testActivities', labelKey: 'shell.nav.testActivities', icon: <FactCheck /> },
  { to: '/ec/environment', feature: 'environment', labelKey: 'shell.nav.goLive', icon: <RocketLaunch /> },
  // the EC's registries and records
  { to: '/ec/positions', feature: 'positions', labelKey: 'shell.nav.positions', icon: <Description /> },
  { to: '/ec/notice-settings', feature: 'noticeSettings', labelKey: 'shell.nav.noticeSettings', icon: <Tune /> },
  { to: '/ec/staff', feature: 'staff', labelKey: 'shell.nav.staff', icon: <People /> },
  { to: '/ec/audit', feature: 'audit', labelKey: 'shell.nav.audit', icon: <History /> },
];

/** The signed-in Back Office: account bar, product header with the EC, side menu, page. */
export function EcShell() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const ec = useSession((s) => s.ec);
  const signOut = useSession((s) => s.signOut);
  const dirtyCount = useDirtyForms((s) => s.ids.size);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const onboarding = useOnboarding((s) => s.status);
  const refreshOnboarding = useOnboarding((s) => s.refresh);
  const { pathname } = useLocation();
  // steps change as people work: ask again on every page
  useEffect(() => {
    if (user) void refreshOnboarding();
  }, [user, pathname, refreshOnboarding]);

  if (!user) return null;
  const roleLabel = t(`roles.${user.role}`);
  const fullName = `${user.firstName} ${user.lastName}`;

  const doSignOut = async () => {
    setConfirmSignOut(false);
    // RequireSession sends the user to the sign-in page once the store has no user
    await signOut();
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: '#F5F6F7' }}>
      <SkipLink />
      <header>
        <TopBar>
          <Box sx={{ textAlign: 'right', display: { xs: 'none', sm: 'block' } }}>
            <Typography variant="body2" component="p" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
              {fullName}
            </Typography>
            <Typography variant="caption" component="p" color="text.secondary" sx={{ lineHeight: 1.2 }}>
              {roleLabel}
            </Typography>
          </Box>
          <Button
            size="small"
            variant="outlined"
            startIcon={<Logout aria-hidden />}
            onClick={() => (dirtyCount > 0 ? setConfirmSignOut(true) : void doSignOut())}
          >
            {t('shell.signOut')}
          </Button>
        </TopBar>
        <HeaderProduct
          productsList={[{ id: 'ec', title: t('shell.product'), productUrl: '', linkType: 'internal' }]}
          {...(ec?.environment === 'collaudo' ? { chipLabel: t('environment.collaudo'), chipColor: 'warning' as const } : {})}
          partyList={ec ? [{ id: ec.fiscalCode, name: ec.name, productRole: roleLabel }] : []}
        />
      </header>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ flex: 1 }}>
        <Box
          component="nav"
          aria-label={t('shell.navLabel')}
          sx={{ width: { md: 240 }, flexShrink: 0, bgcolor: 'background.paper', borderRight: { md: '1px solid #E3E7EB' }, borderBottom: { xs: '1px solid #E3E7EB', md: 'none' } }}
        >
          <List component="ul" sx={{ py: 1 }}>
            {navEntries
              .filter((entry) => canAccess(user.role, entry.feature))
              .map((entry) => {
                const gate = entry.step && onboarding ? stepGate(onboarding, entry.step) : null;
                if (gate && !gate.possible) return <DisabledNavEntry key={entry.to} entry={entry} reason={gate.reason ?? ''} />;
                return (
                <li key={entry.to}>
                  <ListItemButton
                    component={NavLink}
                    to={entry.to}
                    end={entry.end}
                    sx={{
                      py: 1.5,
                      '&.active': { bgcolor: 'rgba(0, 115, 230, 0.08)', borderRight: 3, borderColor: 'primary.main', color: 'primary.main' },
                      '&.active .MuiListItemIcon-root': { color: 'primary.main' },
                    }}
                  >
                    <ListItemIcon sx={{ minWidth: 40 }} aria-hidden>
                      {entry.icon}
                    </ListItemIcon>
                    <ListItemText primary={t(entry.labelKey)} primaryTypographyProps={{ variant: 'sidenav' }} />
                  </ListItemButton>
                </li>
                );
              })}
          </List>
        </Box>
        <Box component="main" id="main-content" tabIndex={-1} sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 }, '&:focus': { outline: 'none' } }}>
          <Outlet />
        </Box>
      </Stack>
      <AppFooter />
      <ConfirmDialog
        open={confirmSignOut}
        title={t('unsaved.title')}
        confirmLabel={t('shell.signOutAnyway')}
        cancelLabel={t('unsaved.stay')}
        destructive
        onConfirm={() => void doSignOut()}
        onCancel={() => setConfirmSignOut(false)}
      >
        {t('unsaved.body')}
      </ConfirmDialog>
    </Box>
  );
}

/**
 * A menu entry whose onboarding step is not possible yet: still reachable with the keyboard, named
 * like the live entry, announced as disabled, with the reason visible and as its description.
 */
function DisabledNavEntry({ entry, reason }: { entry: NavEntry; reason: string }) {
  const { t } = useTranslation();
  const reasonId = `nav-reason-${entry.to.replace(/\W+/g, '-')}`;
  return (
    <li>
      <ListItemButton
        component="a"
        role="link"
        aria-disabled="true"
        aria-label={t(entry.labelKey)}
        aria-describedby={reasonId}
        onClick={(e: React.MouseEvent) => e.preventDefault()}
        sx={{ py: 1.5, alignItems: 'flex-start', cursor: 'not-allowed', color: 'text.secondary' }}
      >
        <ListItemIcon sx={{ minWidth: 40, mt: 0.5, color: 'text.disabled' }} aria-hidden>
          {entry.icon}
        </ListItemIcon>
        <ListItemText
          primary={t(entry.labelKey)}
          primaryTypographyProps={{ variant: 'sidenav', color: 'text.secondary' }}
          secondary={<span id={reasonId}>{reason}</span>}
          secondaryTypographyProps={{ variant: 'caption', color: 'text.secondary', sx: { display: 'block', lineHeight: 1.35, mt: 0.5 } }}
        />
      </ListItemButton>
    </li>
  );
}

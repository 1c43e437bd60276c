import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Chip, TableCell, TableRow } from '@mui/material';
import { PersonAdd } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../src-shared/ipc/schemas/staff';
import { api, type ApiError } from '../../../api/client';
import { useSession } from '../../../stores/session';
import { useNotifications } from '../../../stores/notifications';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { displayDateTime, displayTime } from '../../../components/format';
import { StaffCreateDialog } from './StaffCreateDialog';
import { LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';

function isLocked(member: StaffMember, now: number): boolean {
  return member.lockedUntil !== null && new Date(member.lockedUntil).getTime() > now;
}

/** Staff accounts of the EC: create, disable, re-enable. Main guards the last admin and self-disable. */
export function StaffPage() {
  const { t } = useTranslation();
  const me = useSession((s) => s.user);
  const notify = useNotifications((s) => s.notify);
  const [items, setItems] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const [toggling, setToggling] = useState<StaffMember | null>(null);
  // kept apart from `toggling` so the dialog keeps its text while it fades out
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [toggleError, setToggleError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.invoke('staff.list');
    if (result.ok) {
      setItems(result.data);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const fullName = (m: StaffMember) => `${m.firstName} ${m.lastName}`;

  const confirmToggle = async () => {
    if (!toggling) return;
    const target = toggling;
    setBusy(true);
    const result = await api.invoke('staff.setEnabled', { id: target.id, enabled: !target.enabled });
    setBusy(false);
    setConfirmOpen(false);
    if (result.ok) {
      setToggleError(null);
      notify({ severity: 'success', message: t(target.enabled ? 'staff.disabledDone' : 'staff.enabledDone', { name: fullName(target) }) });
    } else {
      // shown on the page, next to the list, so it stays readable after the dialog closes
      setToggleError(result.error);
    }
    await reload();
  };

  const now = Date.now();
  return (
    <>
      <PageHeading
        title={t('staff.heading')}
        subtitle={t('staff.intro')}
        actions={
          <Button variant="contained" startIcon={<PersonAdd aria-hidden />} onClick={() => setCreating(true)}>
            {t('staff.add')}
          </Button>
        }
      />
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      <ErrorAlert error={toggleError} sx={{ mb: 2 }} />
      {items === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {items !== null ? (
        <DataTable
          label={t('staff.tableLabel')}
          columns={[
            { label: t('staff.columns.name') },
            { label: t('staff.columns.email') },
            { label: t('staff.columns.role') },
            { label: t('staff.columns.state') },
            { label: t('staff.columns.lastSignIn') },
            { label: t('staff.columns.actions') },
          ]}
        >
          {items.map((m) => {
            const locked = isLocked(m, now);
            return (
              <TableRow key={m.id} hover>
                <TableCell component="th" scope="row">
                  {fullName(m)}
                  {m.id === me?.id ? (
                    <Box component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
                      {t('staff.you')}
                    </Box>
                  ) : null}
                </TableCell>
                <TableCell>{m.username}</TableCell>
                <TableCell>{t(`roles.${m.role}`)}</TableCell>
                <TableCell>
                  {!m.enabled ? (
                    <Chip size="small" label={t('staff.state.disabled')} />
                  ) : locked && m.lockedUntil ? (
                    <Chip size="small" color="error" label={t('staff.state.locked', { time: displayTime(m.lockedUntil) })} />
                  ) : (
                    <Chip size="small" color="success" label={t('staff.state.active')} />
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.lastSignInAt ? displayDateTime(m.lastSignInAt) : t('staff.never')}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    color={m.enabled ? 'error' : 'primary'}
                    onClick={() => {
                      setToggling(m);
                      setConfirmOpen(true);
                    }}
                    aria-label={t(m.enabled ? 'staff.actions.disableLabel' : 'staff.actions.enableLabel', { name: fullName(m) })}
                  >
                    {m.enabled ? t('staff.actions.disable') : t('staff.actions.enable')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      ) : null}

      {creating ? (
        <StaffCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(member) => {
            setCreating(false);
            notify({ severity: 'success', message: t('staff.created', { name: fullName(member) }) });
            void reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={confirmOpen}
        title={toggling?.enabled ? t('staff.confirmDisable.title') : t('staff.confirmEnable.title')}
        confirmLabel={toggling?.enabled ? t('staff.actions.disable') : t('staff.actions.enable')}
        destructive={toggling?.enabled ?? false}
        busy={busy}
        onConfirm={() => void confirmToggle()}
        onCancel={() => setConfirmOpen(false)}
      >
        {toggling
          ? t(toggling.enabled ? 'staff.confirmDisable.body' : 'staff.confirmEnable.body', { name: fullName(toggling) })
          : null}
      </ConfirmDialog>
    </>
  );
}

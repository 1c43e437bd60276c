import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { staffRoles, type StaffRole } from '../../../../src-shared/auth/roles';
import type { StaffMember } from '../../../../src-shared/ipc/schemas/staff';
import { api, type ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, hasErrors, withoutError, type FormErrors, FormDialogActions } from '../../../components/forms';
import { useDiscardConfirmation, useUnsavedChanges } from '../../../components/useUnsavedChanges';

const empty = { firstName: '', lastName: '', email: '', password: '', passwordConfirm: '' };
type TextFieldName = keyof typeof empty;

/** New staff account. Most accounts are technical, so that is the default role. */
export function StaffCreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(member: StaffMember): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState(empty);
  const [role, setRole] = useState<StaffRole>('ecOperator');
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const dirty = Object.values(values).some((v) => v !== '') || role !== 'ecOperator';
  const routeGuard = useUnsavedChanges(dirty);
  const { requestClose, confirmation } = useDiscardConfirmation(dirty, onClose);

  const bind = (field: TextFieldName, help?: string) => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      setErrors((x) => withoutError(x, field));
    },
    ...fieldState(errors, field, help),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const clientErrors: FormErrors = {};
    if (values.passwordConfirm !== values.password) clientErrors.passwordConfirm = t('staff.form.passwordMismatch');
    setErrors(clientErrors);
    if (hasErrors(clientErrors)) return;
    setBusy(true);
    const result = await api.invoke('staff.create', { ...values, role });
    setBusy(false);
    if (result.ok) {
      onCreated(result.data);
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  return (
    <Dialog open onClose={busy ? undefined : requestClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>{t('staff.form.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={3} sx={{ pt: 1 }}>
            <ErrorAlert error={error} />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
              <TextField label={t('staff.form.firstName')} required fullWidth autoFocus autoComplete="off" {...bind('firstName')} />
              <TextField label={t('staff.form.lastName')} required fullWidth autoComplete="off" {...bind('lastName')} />
            </Stack>
            <TextField label={t('staff.form.email')} type="email" required autoComplete="off" {...bind('email', t('staff.form.emailHelp'))} />
            <TextField
              select
              label={t('staff.form.role')}
              value={role}
              onChange={(e) => {
                setRole(e.target.value as StaffRole);
                setErrors((x) => withoutError(x, 'role'));
              }}
              {...fieldState(errors, 'role', t(`staff.form.roleHelp.${role}`))}
            >
              {staffRoles.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`roles.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <PasswordField label={t('staff.form.password')} required autoComplete="new-password" {...bind('password', t('staff.form.passwordHelp'))} />
            <PasswordField label={t('staff.form.passwordConfirm')} required autoComplete="new-password" {...bind('passwordConfirm')} />
          </Stack>
        </DialogContent>
        <FormDialogActions busy={busy} onCancel={requestClose} submitLabel={t('staff.form.submit')} />
      </form>
      {confirmation}
      {routeGuard}
    </Dialog>
  );
}

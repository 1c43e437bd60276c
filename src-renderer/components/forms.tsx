import { useState, type ReactNode } from 'react';
import { Button, DialogActions, IconButton, InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { Visibility, VisibilityOff } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../src-shared/errors';

/** Client-side and main-side field messages, keyed by the contract's field path ('iban', 'ec.name'). */
export type FormErrors = Record<string, string | undefined>;

/** Flattens main's `fieldErrors` (path -> messages) into one message per field. */
export function fromFieldErrors(fieldErrors: FieldErrors | undefined): FormErrors {
  const out: FormErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) out[key] = messages.join(' ');
  return out;
}

/** TextField props for a field: an error replaces the help text and marks the input aria-invalid. */
export function fieldState(errors: FormErrors, key: string, help?: ReactNode): Pick<TextFieldProps, 'error' | 'helperText'> {
  const message = errors[key];
  return message ? { error: true, helperText: message } : { error: false, helperText: help };
}

/** True when at least one of `keys` has a message. */
export function hasErrors(errors: FormErrors, keys?: readonly string[]): boolean {
  return Object.entries(errors).some(([k, v]) => v !== undefined && (!keys || keys.includes(k)));
}

/** Removes a field's message once the user edits it again. */
export function withoutError(errors: FormErrors, key: string): FormErrors {
  if (errors[key] === undefined) return errors;
  const { [key]: _removed, ...rest } = errors;
  return rest;
}

/** A password input with a labelled show/hide toggle. */
export function PasswordField(props: TextFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      InputProps={{
        endAdornment: (
          <InputAdornment position="end">
            <IconButton
              onClick={() => setVisible((v) => !v)}
              aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
              aria-pressed={visible}
              edge="end"
              size="small"
            >
              {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
            </IconButton>
          </InputAdornment>
        ),
      }}
    />
  );
}

/** A calendar date typed the Italian way (gg/mm/aaaa); the caller converts with parseItalianDate. */
export function DateField(props: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      {...props}
      placeholder={t('common.dateFormatHint')}
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 10, ...props.inputProps }}
    />
  );
}

/** The foot of a form dialog: Annulla (asks first when there are unsaved changes) and the submit button. */
export function FormDialogActions({ busy, onCancel, submitLabel }: { busy: boolean; onCancel: () => void; submitLabel: ReactNode }) {
  const { t } = useTranslation();
  return (
    <DialogActions sx={{ px: 3, pb: 2 }}>
      <Button variant="outlined" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" variant="contained" disabled={busy}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}

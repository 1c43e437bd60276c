import { useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { normalizeFiscalCode, validatePersonFiscalCode } from '../../../src-shared/domain/fiscalCode';

/** A person's code is 16 characters: from there on (or on leaving the field) a wrong one is flagged while typing. */
const PERSON_LENGTH = 16;

/** The same check main applies, for a person's code; main still decides on submit. */
export function personFiscalCodeProblem(value: string): string | null {
  const check = validatePersonFiscalCode(value);
  return check.ok ? null : check.message;
}

interface FiscalCodeFieldProps extends Omit<TextFieldProps, 'value' | 'onChange'> {
  value: string;
  onChange(value: string): void;
  /** main's message for the field, which wins over the live check */
  serverError?: string | undefined;
}

/** Codice fiscale input: upper case as typed, checked live with the shared domain rule. */
export function FiscalCodeField({ value, onChange, serverError, ...props }: FiscalCodeFieldProps) {
  const { t } = useTranslation();
  const [blurred, setBlurred] = useState(false);
  const typed = normalizeFiscalCode(value);
  const problem = typed === '' ? null : personFiscalCodeProblem(typed);
  const showProblem = problem !== null && (blurred || typed.length >= PERSON_LENGTH);
  const state = serverError
    ? { error: true, helperText: serverError }
    : showProblem
      ? { error: true, helperText: problem }
      : { error: false, helperText: typed.length === PERSON_LENGTH && problem === null ? t('pagatore.fiscalCode.valid') : t('pagatore.fiscalCode.help') };
  return (
    <TextField
      {...props}
      label={t('pagatore.fiscalCode.label')}
      value={value}
      onChange={(e) => onChange(e.target.value.toUpperCase())}
      onBlur={() => setBlurred(true)}
      autoComplete="off"
      inputProps={{ maxLength: 20, spellCheck: false, autoCapitalize: 'characters', style: { fontFamily: '"DM Mono", monospace', letterSpacing: 1 } }}
      {...state}
    />
  );
}

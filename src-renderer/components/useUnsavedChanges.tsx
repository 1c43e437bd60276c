import { useEffect, useId, useState } from 'react';
import { useBlocker } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { useDirtyForms } from '../stores/dirtyForms';

/**
 * Guards a form with unsaved input: asks before an in-app route change (links, back/forward) and
 * before the window is closed or reloaded. (A hash typed into the address bar cannot be blocked by
 * the router; closing or reloading still can.) Returns the dialog to render.
 */
export function useUnsavedChanges(dirty: boolean) {
  const { t } = useTranslation();
  const id = useId();
  const setDirty = useDirtyForms((s) => s.setDirty);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    setDirty(id, dirty);
    return () => setDirty(id, false);
  }, [id, dirty, setDirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('unsaved.title')}
      confirmLabel={t('unsaved.leave')}
      cancelLabel={t('unsaved.stay')}
      destructive
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t('unsaved.body')}
    </ConfirmDialog>
  );
}

/**
 * For forms inside a dialog: closing (Annulla, Esc, backdrop) with typed data asks first.
 * Returns `requestClose` to wire to the dialog and the confirmation to render.
 */
export function useDiscardConfirmation(dirty: boolean, close: () => void) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (dirty) setAsking(true);
    else close();
  };
  const confirmation = (
    <ConfirmDialog
      open={asking}
      title={t('unsaved.title')}
      confirmLabel={t('unsaved.discard')}
      cancelLabel={t('unsaved.keepEditing')}
      destructive
      onConfirm={() => {
        setAsking(false);
        close();
      }}
      onCancel={() => setAsking(false)}
    >
      {t('unsaved.body')}
    </ConfirmDialog>
  );
  return { requestClose, confirmation };
}

import { z } from 'zod';
import type { Feature } from '../auth/permissions';
import type { AppErrorPayload } from '../errors';
import { noInput } from './schemas/common';
import { appStatus, sessionUser, setupInput, signInInput } from './schemas/session';
import { staffCreateInput, staffMember, staffSetEnabledInput } from './schemas/staff';
import { ibanCreateInput, ibanEntry, ibanIdInput, ibanScheduleDeletionInput, ibanUpdateInput } from './schemas/iban';
import { auditListInput, auditPage } from './schemas/audit';
import {
  batchFileInput,
  batchStartInput,
  jobIdInput,
  noticeSettingsState,
  noticeSettingsUpdateInput,
  positionListInput,
  positionListPage,
  printedDocumentFile,
  printedFile,
  printJobStatus,
  printNoticeInput,
  printReceiptInput,
} from './schemas/print';
// onboarding: stations, test activities, esercizio
import { stationCodeInput, stationCreateInput, stationList, stationListInput, stationSetEnabledInput, stationUpdateInput, stationView } from './schemas/stations';
import { environmentSetInput, environmentStatus, testRun, testRunIdInput, testRunReport, testRunSummary } from './schemas/testActivities';
// onboarding: registration, API keys (part A)
import {
  apiKeyList,
  apiKeyProductInput,
  apiKeyRevealInput,
  apiKeySecret,
  apiKeySlotInput,
  auditExport,
  auditExportInput,
  onboardingStatus,
  registrationInput,
  registrationView,
  vaultResetInput,
  vaultResetResult,
  vaultStatusView,
} from './schemas/onboarding';
import { deliveryCapabilities, deliveryInput, deliveryPrintInput, printedDocument, printerList, savedDocument } from './schemas/delivery';
// Pagatore: payer accounts, history, receipts
import {
  payerActivateInput,
  payerHistoryInput,
  payerHistoryPage,
  payerOpenNotice,
  payerPrintReceiptInput,
  payerRegisterInput,
  payerRegistration,
  payerResendInput,
  payerRevokeConsentInput,
  payerSessionUser,
  payerSignInInput,
} from './schemas/pagatore';

/**
 * One way in to a channel:
 * - 'signedIn': any staff session;
 * - a Feature: a staff session whose role has that feature in `featurePermissions`;
 * - 'payer': a signed-in payer (Pagatore account) on that window.
 * A window holds a staff session or a payer session, never both.
 */
export type Grant = 'signedIn' | 'payer' | Feature;

/**
 * Who may call a channel: 'public' (anyone, signed in or not: status, sign-in, first-run setup),
 * one grant, or `anyOf(...)` for a channel both kinds of session use (delivering a document).
 */
export type Permission = 'public' | Grant | { readonly anyOf: readonly Grant[] };

export function anyOf(...grants: [Grant, Grant, ...Grant[]]): { readonly anyOf: readonly Grant[] } {
  return Object.freeze({ anyOf: Object.freeze(grants) });
}

/** The grants a permission admits (none for 'public'). */
export function grantsOf(permission: Permission): readonly Grant[] {
  if (permission === 'public') return [];
  return typeof permission === 'string' ? [permission] : permission.anyOf;
}

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
}

function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

/** The one IPC contract between renderer and main. Every host serves exactly these channels. */
export const channels = {
  'app.status': channel({ input: noInput, output: appStatus, permission: 'public' }),
  'setup.complete': channel({ input: setupInput, output: sessionUser, permission: 'public' }),
  'auth.signIn': channel({ input: signInInput, output: sessionUser, permission: 'public' }),
  'auth.signOut': channel({ input: noInput, output: z.null(), permission: 'signedIn' }),
  'auth.keepAlive': channel({ input: noInput, output: z.null(), permission: 'signedIn' }),

  'staff.list': channel({ input: noInput, output: z.array(staffMember), permission: 'staff' }),
  'staff.create': channel({ input: staffCreateInput, output: staffMember, permission: 'staff' }),
  'staff.setEnabled': channel({ input: staffSetEnabledInput, output: staffMember, permission: 'staff' }),

  'iban.list': channel({ input: noInput, output: z.array(ibanEntry), permission: 'iban' }),
  'iban.create': channel({ input: ibanCreateInput, output: ibanEntry, permission: 'iban' }),
  'iban.update': channel({ input: ibanUpdateInput, output: ibanEntry, permission: 'iban' }),
  'iban.scheduleDeletion': channel({ input: ibanScheduleDeletionInput, output: ibanEntry.nullable(), permission: 'iban' }),
  'iban.cancelDeletion': channel({ input: ibanIdInput, output: ibanEntry, permission: 'iban' }),

  'audit.list': channel({ input: auditListInput, output: auditPage, permission: 'audit' }),

  'noticeSettings.get': channel({ input: noInput, output: noticeSettingsState, permission: 'noticeSettings' }),
  'noticeSettings.update': channel({ input: noticeSettingsUpdateInput, output: noticeSettingsState, permission: 'noticeSettings' }),

  'positions.list': channel({ input: positionListInput, output: positionListPage, permission: 'positions' }),
  'print.notice': channel({ input: printNoticeInput, output: printedDocumentFile, permission: 'positions' }),
  'print.receipt': channel({ input: printReceiptInput, output: printedDocumentFile, permission: 'positions' }),
  'print.batchStart': channel({ input: batchStartInput, output: printJobStatus, permission: 'positions' }),
  'print.batchStatus': channel({ input: jobIdInput, output: printJobStatus, permission: 'positions' }),
  'print.batchCancel': channel({ input: jobIdInput, output: printJobStatus, permission: 'positions' }),
  'print.batchFile': channel({ input: batchFileInput, output: printedFile, permission: 'positions' }),
  // onboarding: stations, test activities, esercizio
  'stations.list': channel({ input: stationListInput, output: stationList, permission: 'stations' }),
  'stations.get': channel({ input: stationCodeInput, output: stationView, permission: 'stations' }),
  'stations.create': channel({ input: stationCreateInput, output: stationView, permission: 'stations' }),
  'stations.update': channel({ input: stationUpdateInput, output: stationView, permission: 'stations' }),
  'stations.verify': channel({ input: stationCodeInput, output: stationView, permission: 'stations' }),
  'stations.setEnabled': channel({ input: stationSetEnabledInput, output: stationView, permission: 'stations' }),
  'testActivities.run': channel({ input: noInput, output: testRun, permission: 'testActivities' }),
  'testActivities.list': channel({ input: noInput, output: z.array(testRunSummary), permission: 'testActivities' }),
  'testActivities.get': channel({ input: testRunIdInput, output: testRun, permission: 'testActivities' }),
  'testActivities.report': channel({ input: testRunIdInput, output: testRunReport, permission: 'testActivities' }),
  'environment.status': channel({ input: noInput, output: environmentStatus, permission: 'environment' }),
  'environment.set': channel({ input: environmentSetInput, output: environmentStatus, permission: 'environment' }),
  // onboarding: registration, API keys (part A)
  'onboarding.status': channel({ input: noInput, output: onboardingStatus, permission: 'signedIn' }),
  'registration.get': channel({ input: noInput, output: registrationView, permission: 'nodoRegistration' }),
  'registration.submit': channel({ input: registrationInput, output: registrationView, permission: 'nodoRegistration' }),
  'onboarding.syncIbans': channel({ input: noInput, output: onboardingStatus, permission: 'iban' }),
  'apiKeys.list': channel({ input: noInput, output: apiKeyList, permission: 'apiKeys' }),
  'apiKeys.generate': channel({ input: apiKeyProductInput, output: apiKeyList, permission: 'apiKeys' }),
  'apiKeys.regenerate': channel({ input: apiKeySlotInput, output: apiKeyList, permission: 'apiKeys' }),
  'apiKeys.reveal': channel({ input: apiKeyRevealInput, output: apiKeySecret, permission: 'apiKeys' }),
  'vault.status': channel({ input: noInput, output: vaultStatusView, permission: 'signedIn' }),
  'vault.reset': channel({ input: vaultResetInput, output: vaultResetResult, permission: 'vaultRecovery' }),
  'audit.export': channel({ input: auditExportInput, output: auditExport, permission: 'audit' }),

  // what this host can do with a produced PDF; no secret in it, and the kiosk asks before any sign-in
  'delivery.capabilities': channel({ input: noInput, output: deliveryCapabilities, permission: 'public' }),
  // a payer delivers only the receipts printed from their own history, on their own window
  'delivery.saveToFolder': channel({ input: deliveryInput, output: savedDocument, permission: anyOf('positions', 'payer') }),
  'delivery.open': channel({ input: deliveryInput, output: z.null(), permission: anyOf('positions', 'payer') }),
  'delivery.printers': channel({ input: noInput, output: printerList, permission: anyOf('positions', 'payer') }),
  'delivery.print': channel({ input: deliveryPrintInput, output: printedDocument, permission: anyOf('positions', 'payer') }),

  // Pagatore: payer accounts, history, receipts
  'payer.register': channel({ input: payerRegisterInput, output: payerRegistration, permission: 'public' }),
  'payer.resendCode': channel({ input: payerResendInput, output: z.null(), permission: 'public' }),
  'payer.activate': channel({ input: payerActivateInput, output: z.null(), permission: 'public' }),
  'payer.signIn': channel({ input: payerSignInInput, output: payerSessionUser, permission: 'public' }),
  'payer.signOut': channel({ input: noInput, output: z.null(), permission: 'payer' }),
  'payer.history': channel({ input: payerHistoryInput, output: payerHistoryPage, permission: 'payer' }),
  'payer.openNotices': channel({ input: noInput, output: z.array(payerOpenNotice), permission: 'payer' }),
  'payer.printReceipt': channel({ input: payerPrintReceiptInput, output: printedDocumentFile, permission: 'payer' }),
  'payer.revokeConsent': channel({ input: payerRevokeConsentInput, output: z.null(), permission: 'payer' }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type IpcResult<T = unknown> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import { toPositionRow } from '../print/printModule';
import type { DeliveryCaller } from '../delivery/deliveryService';
import type { PayerSessionUser } from '../../src-shared/ipc/schemas/pagatore';
import type { HandlerContext, Handlers } from './router';

/** The router admitted the call on the 'payer' grant, so there is a payer; the check keeps the types honest. */
function payerOf(ctx: HandlerContext): PayerSessionUser {
  if (!ctx.payer) throw new AppError('AUTH_REQUIRED');
  return ctx.payer;
}

function deliveryCaller(ctx: HandlerContext): DeliveryCaller {
  return { actor: ctx.actor, windowId: ctx.windowId, kind: ctx.payer ? 'payer' : 'staff' };
}

/** Binds each channel of the contract to its service call. No rules here: they live in services. */
export function createHandlers(
  core: Pick<Core, 'services' | 'sessions' | 'ecProfile' | 'version' | 'positions' | 'print' | 'delivery' | 'onboarding' | 'pagatore'>,
): Handlers {
  const { services, sessions, print, delivery, onboarding, pagatore } = core;
  // a new session on a window starts without the documents the previous one produced there
  const freshWindow = <T>(windowId: string, result: T): T => {
    print.documents.forgetWindow(windowId);
    return result;
  };
  // every IBAN change is sent on to the Nodo's list once the EC is registered there (onboarding step 4)
  const synced = <T>(ctx: HandlerContext, result: T) => onboarding.ibanSync.pushAfterChange(ctx.actor, result);
  const { stations, testActivities, environment } = onboarding;
  return {
    'app.status': (_input, ctx) => ({
      setupDone: services.setup.isDone(),
      ec: core.ecProfile.get(),
      user: ctx.user,
      payer: ctx.payer,
      idleTimeoutMinutes: Math.round(sessions.idleTimeoutMs / 60_000),
      version: core.version,
    }),
    'setup.complete': (input, ctx) => services.setup.complete(input, ctx.windowId),
    'auth.signIn': async (input, ctx) => {
      if (!services.setup.isDone()) throw new AppError('SETUP_REQUIRED');
      const user = await services.auth.signIn(ctx.windowId, input.username, input.password);
      // one kind of session per window: staff signing in ends a payer's
      pagatore.sessions.end(ctx.windowId);
      return freshWindow(ctx.windowId, user);
    },
    'auth.signOut': (_input, ctx) => {
      services.auth.signOut(ctx.windowId, ctx.actor);
      return freshWindow(ctx.windowId, null);
    },
    'auth.keepAlive': () => null,

    'staff.list': () => services.staff.list(),
    'staff.create': (input, ctx) => services.staff.create(ctx.actor, input),
    'staff.setEnabled': (input, ctx) => services.staff.setEnabled(ctx.actor, input.id, input.enabled),

    'iban.list': () => services.iban.list(),
    'iban.create': (input, ctx) => synced(ctx, services.iban.create(ctx.actor, input)),
    'iban.update': (input, ctx) => synced(ctx, services.iban.update(ctx.actor, input)),
    'iban.scheduleDeletion': (input, ctx) => synced(ctx, services.iban.scheduleDeletion(ctx.actor, input.id, input.date)),
    'iban.cancelDeletion': (input, ctx) => synced(ctx, services.iban.cancelDeletion(ctx.actor, input.id)),

    'audit.list': (input) => services.audit.page(input),

    'noticeSettings.get': () => print.settings.get(),
    'noticeSettings.update': (input, ctx) => print.settings.update(ctx.actor, input.settings, input.version),

    'positions.list': (input) => {
      const page = core.positions.positions.list(input);
      return { items: page.items.map(toPositionRow), nextCursor: page.nextCursor };
    },
    'print.notice': (input, ctx) => print.printDocument(ctx.windowId, 'notice', input.positionId),
    'print.receipt': (input, ctx) => print.printDocument(ctx.windowId, 'receipt', input.positionId, input.receiptId),
    'print.batchStart': (input, ctx) => print.startBatch(ctx.windowId, input),
    'print.batchStatus': (input) => print.status(input.jobId),
    'print.batchCancel': (input) => print.cancel(input.jobId),
    'print.batchFile': (input) => print.batchFile(input.jobId, input.index),
    // onboarding: stations, test activities, esercizio
    'stations.list': (input) => stations.list(input),
    'stations.get': (input) => stations.get(input.code),
    'stations.create': (input, ctx) => stations.create(ctx.actor, input),
    'stations.update': (input, ctx) => stations.update(ctx.actor, input),
    'stations.verify': (input, ctx) => stations.verify(ctx.actor, input.code),
    'stations.setEnabled': (input, ctx) => stations.setEnabled(ctx.actor, input.code, input.enabled),
    'testActivities.run': (_input, ctx) => testActivities.run(ctx.actor),
    'testActivities.list': () => testActivities.list(),
    'testActivities.get': (input) => testActivities.get(input.id),
    'testActivities.report': (input) => testActivities.report(input.id),
    'environment.status': () => environment.status(),
    'environment.set': (input, ctx) => environment.set(ctx.actor, input.environment),
    // onboarding: registration, API keys (part A)
    'onboarding.status': () => onboarding.status.status(),
    'registration.get': () => onboarding.registration.view(),
    'registration.submit': (input, ctx) => onboarding.registration.submit(ctx.actor, input),
    'onboarding.syncIbans': async (_input, ctx) => {
      await onboarding.ibanSync.push(ctx.actor);
      return onboarding.status.status();
    },
    'apiKeys.list': () => onboarding.apiKeys.list(),
    'apiKeys.generate': (input, ctx) => onboarding.apiKeys.generate(ctx.actor, input.product),
    'apiKeys.regenerate': (input, ctx) => onboarding.apiKeys.regenerate(ctx.actor, input.product, input.slot),
    'apiKeys.reveal': (input, ctx) => onboarding.apiKeys.reveal(ctx.actor, input.product, input.slot, input.purpose),
    'vault.status': () => onboarding.vault.status(),
    'vault.reset': (_input, ctx) => onboarding.vault.reset(ctx.actor),
    'audit.export': (input, ctx) => onboarding.auditExport.export(ctx.actor, input.action),

    'delivery.capabilities': () => delivery.capabilities(),
    'delivery.saveToFolder': (input, ctx) => delivery.saveToFolder(deliveryCaller(ctx), input.document),
    'delivery.open': (input, ctx) => delivery.open(deliveryCaller(ctx), input.document),
    'delivery.printers': (_input, ctx) => delivery.printers(ctx.windowId),
    'delivery.print': (input, ctx) => delivery.print(deliveryCaller(ctx), input.document, input.deviceName),

    // Pagatore: payer accounts, history, receipts
    'payer.register': (input) => {
      if (!services.setup.isDone()) throw new AppError('SETUP_REQUIRED');
      return pagatore.registration.register(input);
    },
    'payer.resendCode': (input) => pagatore.registration.resendCode(input.fiscalCode),
    'payer.activate': (input) => pagatore.registration.activate(input.fiscalCode, input.code),
    'payer.signIn': async (input, ctx) => freshWindow(ctx.windowId, await pagatore.auth.signIn(ctx.windowId, input.fiscalCode, input.password)),
    'payer.signOut': (_input, ctx) => {
      pagatore.auth.signOut(ctx.windowId, payerOf(ctx));
      return freshWindow(ctx.windowId, null);
    },
    'payer.history': (input, ctx) => pagatore.history.page(payerOf(ctx).fiscalCode, input.limit, input.cursor),
    'payer.openNotices': (_input, ctx) => pagatore.history.openNotices(payerOf(ctx).fiscalCode),
    'payer.printReceipt': (input, ctx) => pagatore.history.printReceipt(ctx.windowId, payerOf(ctx).fiscalCode, input.receiptId),
    'payer.revokeConsent': async (input, ctx) => freshWindow(ctx.windowId, await pagatore.auth.revokeConsent(ctx.windowId, payerOf(ctx), input.password)),
  };
}

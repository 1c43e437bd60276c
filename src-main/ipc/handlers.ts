import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import { toPositionRow } from '../print/printModule';
import type { HandlerContext, Handlers } from './router';

/** Binds each channel of the contract to its service call. No rules here: they live in services. */
export function createHandlers(
  core: Pick<Core, 'services' | 'sessions' | 'ecProfile' | 'version' | 'positions' | 'print' | 'delivery' | 'onboarding'>,
): Handlers {
  const { services, sessions, print, delivery, onboarding } = core;
  // every IBAN change is sent on to the Nodo's list once the EC is registered there (onboarding step 4)
  const synced = <T>(ctx: HandlerContext, result: T) => onboarding.ibanSync.pushAfterChange(ctx.actor, result);
  const { stations, testActivities, environment } = onboarding;
  return {
    'app.status': (_input, ctx) => ({
      setupDone: services.setup.isDone(),
      ec: core.ecProfile.get(),
      user: ctx.user,
      idleTimeoutMinutes: Math.round(sessions.idleTimeoutMs / 60_000),
      version: core.version,
    }),
    'setup.complete': (input, ctx) => services.setup.complete(input, ctx.windowId),
    'auth.signIn': (input, ctx) => {
      if (!services.setup.isDone()) throw new AppError('SETUP_REQUIRED');
      return services.auth.signIn(ctx.windowId, input.username, input.password);
    },
    'auth.signOut': (_input, ctx) => {
      services.auth.signOut(ctx.windowId, ctx.actor);
      return null;
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
    'delivery.saveToFolder': (input, ctx) => delivery.saveToFolder(ctx.actor, ctx.windowId, input.document),
    'delivery.open': (input, ctx) => delivery.open(ctx.windowId, input.document),
    'delivery.printers': (_input, ctx) => delivery.printers(ctx.windowId),
    'delivery.print': (input, ctx) => delivery.print(ctx.actor, ctx.windowId, input.document, input.deviceName),
  };
}

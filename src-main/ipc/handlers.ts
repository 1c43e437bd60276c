import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import { toPositionRow } from '../print/printModule';
import type { Handlers } from './router';

/** Binds each channel of the contract to its service call. No rules here: they live in services. */
export function createHandlers(core: Pick<Core, 'services' | 'sessions' | 'ecProfile' | 'version' | 'positions' | 'print' | 'delivery'>): Handlers {
  const { services, sessions, print, delivery } = core;
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
    'iban.create': (input, ctx) => services.iban.create(ctx.actor, input),
    'iban.update': (input, ctx) => services.iban.update(ctx.actor, input),
    'iban.scheduleDeletion': (input, ctx) => services.iban.scheduleDeletion(ctx.actor, input.id, input.date),
    'iban.cancelDeletion': (input, ctx) => services.iban.cancelDeletion(ctx.actor, input.id),

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

    'delivery.capabilities': () => delivery.capabilities(),
    'delivery.saveToFolder': (input, ctx) => delivery.saveToFolder(ctx.actor, ctx.windowId, input.document),
    'delivery.open': (input, ctx) => delivery.open(ctx.windowId, input.document),
    'delivery.printers': (_input, ctx) => delivery.printers(ctx.windowId),
    'delivery.print': (input, ctx) => delivery.print(ctx.actor, ctx.windowId, input.document, input.deviceName),
  };
}

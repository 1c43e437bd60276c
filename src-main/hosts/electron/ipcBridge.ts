import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { AppError } from '../../../src-shared/errors';
import { bridgeChannels } from '../../../src-shared/ipc/bridge';
import type { IpcResult } from '../../../src-shared/ipc/contract';
import type { EventSink } from '../../core/createCore';
import type { Router } from '../../ipc/router';
import type { Logger } from '../../platform/logger';
import { isTrustedSender, originOf } from './senderPolicy';

export interface InvokeHandlerDeps {
  router: Pick<Router, 'invoke'>;
  /** webContents ids of the windows this host created */
  knownIds: ReadonlySet<number>;
  devOrigin: string | null;
  logger: Logger;
}

/** Whether the frame that sent an IPC message is the top-level frame of its webContents. */
function isMainFrameOf(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  // compared by ids, not object identity: WebFrameMain wrappers are not guaranteed to be shared
  return frame.processId === main.processId && frame.routingId === main.routingId;
}

/**
 * The `ipcMain.handle(bridgeChannels.invoke)` handler: refuse any sender that is not the main frame
 * of one of our windows showing our origin, then hand the call to the core's router with the
 * window as the session key. The router never throws; neither does this.
 */
export function createInvokeHandler(deps: InvokeHandlerDeps): (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => Promise<IpcResult> {
  return async (event, channel, input) => {
    const frameUrl = event.senderFrame?.url ?? null;
    let trusted: boolean;
    try {
      trusted = isTrustedSender({
        frameUrl,
        isMainFrame: isMainFrameOf(event),
        webContentsId: event.sender.id,
        knownIds: deps.knownIds,
        devOrigin: deps.devOrigin,
      });
    } catch {
      // a frame that vanished mid-call (accessing it throws) is not trusted
      trusted = false;
    }
    if (!trusted) {
      // log the origin only: a full URL could carry personal data in its path or query
      deps.logger.warn('ipc.sender.refused', { webContentsId: event.sender.id, origin: originOf(frameUrl) });
      return { ok: false, error: new AppError('IPC_FORBIDDEN_SENDER').toPayload() };
    }
    return deps.router.invoke({ windowId: String(event.sender.id) }, channel, input);
  };
}

/**
 * How the core's events reach a window: by webContents id, only to windows we created and that
 * are still alive. Anything else is dropped silently (a window can close while an event is queued).
 */
export function createEventSink(options: { fromId(id: number): WebContents | undefined; knownIds: ReadonlySet<number> }): EventSink {
  return (windowId, event, payload) => {
    const id = Number(windowId);
    if (!Number.isSafeInteger(id) || !options.knownIds.has(id)) return;
    const contents = options.fromId(id);
    if (!contents || contents.isDestroyed()) return;
    contents.send(bridgeChannels.event, event, payload);
  };
}

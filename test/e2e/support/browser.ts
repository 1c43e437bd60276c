import type { SportelloBridge } from '../../../src-shared/ipc/bridge';

/**
 * What callbacks passed to page.evaluate may touch in the page. The e2e files are type-checked with
 * the Node project (no DOM lib), so they reach page globals through this type instead.
 */
export interface PageGlobals {
  sportello: SportelloBridge;
  location: { hash: string };
  document: { activeElement: unknown; fonts: { ready: Promise<unknown> } };
}

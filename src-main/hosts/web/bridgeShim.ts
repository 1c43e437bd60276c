/**
 * Browser script the web host serves as /__sportello/bridge.js: it defines `window.sportello` with
 * exactly the preload's interface (invoke, on -> unsubscribe) over loopback HTTP + Server-Sent Events.
 * The per-run token arrives in the URL fragment (never sent to the server in a request line or log),
 * is kept in sessionStorage for reloads, and is removed from the address bar.
 */
export const bridgeShimSource = String.raw`(() => {
  'use strict';
  const KEY = 'sportello.webToken';
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(KEY) || '';
  const listeners = new Map();
  let source = null;

  const connection = fetch('/__sportello/connect', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + token },
  }).then(async (response) => {
    if (!response.ok) throw new Error('Host web: connessione rifiutata (' + response.status + ')');
    const { windowId } = await response.json();
    source = new EventSource('/__sportello/events?window=' + encodeURIComponent(windowId) + '&token=' + encodeURIComponent(token));
    // the browser reconnects a dropped stream by itself; a host restarted with a new token refuses it
    // for good, and then nothing more can arrive: say so once in the console for whoever debugs
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) console.warn('Sportello: canale eventi chiuso dal host web.');
    };
    source.onmessage = (message) => {
      let parsed;
      try { parsed = JSON.parse(message.data); } catch { return; }
      const set = listeners.get(parsed.event);
      if (set) for (const listener of Array.from(set)) listener(parsed.payload);
    };
    return windowId;
  });

  const bridge = {
    async invoke(channel, input) {
      let windowId;
      try {
        windowId = await connection;
      } catch (error) {
        return { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: 'Richiesta rifiutata: origine non autorizzata.' } };
      }
      // like the preload, invoke never rejects: a host that is gone or answers garbage is an error result
      try {
        const response = await fetch('/__sportello/ipc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token, 'x-sportello-window': windowId },
          body: JSON.stringify({ channel, input }),
        });
        const result = await response.json();
        if (result && typeof result === 'object' && typeof result.ok === 'boolean') return result;
      } catch (error) {
        // fall through
      }
      return { ok: false, error: { code: 'IPC_UNAVAILABLE', message: 'Sportello non risponde: controlla che l’applicazione sia ancora in esecuzione e riprova.' } };
    },
    on(event, listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      let set = listeners.get(event);
      if (!set) { set = new Set(); listeners.set(event, set); }
      const wrapped = (payload) => listener(payload);
      set.add(wrapped);
      return () => { set.delete(wrapped); };
    },
  };
  Object.defineProperty(window, 'sportello', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;

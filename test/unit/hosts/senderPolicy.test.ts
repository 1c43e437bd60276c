import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, PDF_VIEWER_ORIGIN, devOriginFrom, isAppUrl, isPrintWindowUrl, isTrustedSender, originOf } from '../../../src-main/hosts/electron/senderPolicy';

const knownIds = new Set([7]);
const trusted = { frameUrl: 'app://sportello/#/ec/iban', isMainFrame: true, webContentsId: 7, knownIds };

describe('isTrustedSender', () => {
  it('accepts the main frame of one of our windows on the app origin', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://sportello/' })).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://sportello/index.html?x=1' })).toBe(true);
  });

  it('refuses subframes, even on the app origin', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses webContents the host did not create', () => {
    expect(isTrustedSender({ ...trusted, webContentsId: 8 })).toBe(false);
    expect(isTrustedSender({ ...trusted, knownIds: new Set() })).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://evil.example/app://sportello/',
    'file:///work/main/out/renderer/index.html',
    'app://other/',
    'app://sportello.evil.example/',
    'app://sportello:8080/',
    'app://user:pw@sportello/',
    'app:sportello/',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses a frame showing %s', (frameUrl) => {
    expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
  });

  it('refuses a frame that is gone (no URL)', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: undefined })).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    const dev = { ...trusted, frameUrl: 'http://localhost:5173/#/' };
    expect(isTrustedSender(dev)).toBe(false);
    expect(isTrustedSender({ ...dev, devOrigin: null })).toBe(false);
    expect(isTrustedSender({ ...dev, devOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedSender({ ...dev, frameUrl: 'http://localhost:5174/', devOrigin: 'http://localhost:5173' })).toBe(false);
    // the app origin stays trusted in dev too
    expect(isTrustedSender({ ...trusted, devOrigin: 'http://localhost:5173' })).toBe(true);
  });
});

describe('devOriginFrom', () => {
  it('trusts a loopback dev server in an unpackaged run', () => {
    expect(devOriginFrom('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devOriginFrom('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173');
    expect(devOriginFrom('http://[::1]:5173/', false)).toBe('http://[::1]:5173');
  });

  it('ignores the variable in a packaged app, off loopback, or when malformed', () => {
    expect(devOriginFrom('http://localhost:5173/', true)).toBeNull();
    expect(devOriginFrom('https://evil.example/', false)).toBeNull();
    expect(devOriginFrom('http://localhost.evil.example:5173/', false)).toBeNull();
    expect(devOriginFrom('file:///tmp/index.html', false)).toBeNull();
    expect(devOriginFrom('nonsense', false)).toBeNull();
    expect(devOriginFrom(undefined, false)).toBeNull();
    expect(devOriginFrom('', false)).toBeNull();
  });
});

describe('origins and navigation', () => {
  it('builds the app origin by hand (Node reports null for non-special schemes)', () => {
    expect(originOf('app://sportello/a/b?c#d')).toBe(APP_ORIGIN);
    expect(originOf('app://SPORTELLO/')).toBe(APP_ORIGIN);
    expect(originOf('https://pagopa.gov.it/x')).toBe('https://pagopa.gov.it');
    expect(originOf('file:///etc/passwd')).toBeNull();
  });

  it('allows navigation only inside the app', () => {
    expect(isAppUrl('app://sportello/#/ec')).toBe(true);
    expect(isAppUrl('https://www.pagopa.gov.it/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });
});

describe('print window navigation', () => {
  const file = 'file:///home/ufficio/.config/Sportello/stampe/documenti/abc/avviso-1.pdf';

  it('allows exactly the file it prints and the PDF viewer that renders it', () => {
    expect(isPrintWindowUrl(file, file)).toBe(true);
    expect(isPrintWindowUrl(file, `${PDF_VIEWER_ORIGIN}/index.html`)).toBe(true);
  });

  it('refuses any other file, any web page, and everything for a window that is not printing', () => {
    expect(isPrintWindowUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(isPrintWindowUrl(file, `${file}x`)).toBe(false);
    expect(isPrintWindowUrl(file, 'https://evil.example/')).toBe(false);
    expect(isPrintWindowUrl(file, 'chrome-extension://another-extension/index.html')).toBe(false);
    expect(isPrintWindowUrl(undefined, `${PDF_VIEWER_ORIGIN}/index.html`)).toBe(false);
    expect(isPrintWindowUrl(undefined, file)).toBe(false);
  });
});

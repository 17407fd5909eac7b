/**
 * The page's Content-Security-Policy, for the desktop (app:// protocol, electron/shell/protocol.ts)
 * and the browser mode (electron/web/respond.ts) alike.
 */

/**
 * Scripts and styles only from the app itself. Mantine sets inline style attributes and injects
 * <style> elements, which CSP can only allow as 'unsafe-inline' for styles; scripts stay 'self'.
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

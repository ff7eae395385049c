/**
 * The one Content-Security-Policy for the kiosk renderer, used by the
 * Electron window and the web host alike: only our own scripts, styles,
 * fonts and images; no inline script, no eval, no remote origins.
 */
export function contentSecurityPolicy(opts: { connectSrc?: string } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no inline <style> from outside.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: data:",
    `connect-src 'self'${opts.connectSrc ? ' ' + opts.connectSrc : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

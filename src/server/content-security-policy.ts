/**
 * The app's CSP, the same in Electron and browser mode: only our own origin; no eval, no inline scripts.
 * Inline styles are allowed because wavesurfer.js writes a <style> into its shadow root.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

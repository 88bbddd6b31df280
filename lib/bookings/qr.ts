import 'server-only';
import QRCode from 'qrcode';

/** The address a space's check-in QR code carries (its token is the secret; rotating it voids old posters). */
export function spaceCheckInUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/spaces/check-in/${encodeURIComponent(token)}`;
}

/** The QR code as an SVG data URI (the CSP allows data: images). */
export async function qrDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#1c1917', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

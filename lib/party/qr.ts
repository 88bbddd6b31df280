import 'server-only';
import QRCode from 'qrcode';

/**
 * The check-in QR code of an organisation, rendered on the server as SVG (package `qrcode`) and handed to the page
 * as a data URI (the CSP allows data: images; no inline markup). The code carries the check-in address with the
 * organisation's rotatable token; the 报到 page that reads it belongs to the 流动党员 work (companion issue).
 */
export function checkInUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/party/check-in/${encodeURIComponent(token)}`;
}

export async function qrSvgDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#1c1917', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

import { describe, expect, it } from 'vitest';
import { checkPdf, materialGaps, sniffMaterialType, tinyPdf } from './material-file';

const enc = (s: string) => new TextEncoder().encode(s);

describe('application material files', () => {
  it('decides the type by magic bytes only', () => {
    expect(sniffMaterialType(tinyPdf('x'))).toBe('application/pdf');
    expect(sniffMaterialType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMaterialType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMaterialType(enc('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMaterialType(enc('<html>%PDF-1.4'))).toBeNull();
    expect(sniffMaterialType(new Uint8Array())).toBeNull();
  });

  it('accepts a plain PDF and refuses broken ones, trailing data and active content', () => {
    expect(checkPdf(tinyPdf('Hello'))).toBeNull();
    expect(checkPdf(enc('%PDF-x'))).toBe('validation.materialPdfInvalid');
    expect(checkPdf(enc(new TextDecoder().decode(tinyPdf('x')).replace('%%EOF', '')))).toBe('validation.materialPdfInvalid');
    expect(checkPdf(enc(`${new TextDecoder().decode(tinyPdf('x'))}<html><script>1</script></html>`))).toBe('validation.materialPdfInvalid');
    for (const name of ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/OpenAction', '/AA', '/XFA']) {
      const pdf = new TextDecoder().decode(tinyPdf('x')).replace('/Type /Catalog', `/Type /Catalog ${name} 6 0 R`);
      expect(checkPdf(enc(pdf)), name).toBe('validation.materialPdfActive');
    }
    // Whole names only: /JSX or /AAA are not active-content names.
    expect(checkPdf(enc(new TextDecoder().decode(tinyPdf('x')).replace('/Type /Catalog', '/Type /Catalog /JSX 1 /AAA 2')))).toBeNull();
  });

  it('reports materials without a file and references to unlisted ones', () => {
    const required = [{ code: 'id_card' }, { code: 'degree' }];
    expect(materialGaps(required, [{ code: 'id_card', uploadId: 'u1' }, { code: 'degree', uploadId: 'u2' }])).toEqual({ missing: [], unknown: [] });
    expect(materialGaps(required, [{ code: 'id_card', uploadId: 'u1' }, { code: 'degree' }])).toEqual({ missing: ['degree'], unknown: [] });
    expect(materialGaps(required, [{ code: 'passport', uploadId: 'u3' }])).toEqual({ missing: ['id_card', 'degree'], unknown: ['passport'] });
  });
});

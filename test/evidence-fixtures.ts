/** Tiny media files for tests: only the headers a sniffer looks at, plus `tag` so each test can vary content. */

const text = (value: string): number[] => [...Buffer.from(value, 'latin1')];
const bytes = (parts: number[], tag: string): Uint8Array => Uint8Array.from([...parts, ...text(tag)]);

export const fixtures = {
  jpeg: (tag = '') => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text('JFIF'), 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0], tag),
  png: (tag = '') => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...text('IHDR'), 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0], tag),
  gif: (tag = '') => bytes([...text('GIF89a'), 1, 0, 1, 0, 0, 0, 0], tag),
  webp: (tag = '') => bytes([...text('RIFF'), 26, 0, 0, 0, ...text('WEBPVP8 ')], tag),
  heic: (tag = '') => bytes([0, 0, 0, 0x18, ...text('ftypheic'), 0, 0, 0, 0, ...text('mif1heic')], tag),
  heif: (tag = '') => bytes([0, 0, 0, 0x10, ...text('ftypmif1'), 0, 0, 0, 0], tag),
  mp4: (tag = '') => bytes([0, 0, 0, 0x18, ...text('ftypisom'), 0, 0, 2, 0, ...text('isommp41')], tag),
  mov: (tag = '') => bytes([0, 0, 0, 0x14, ...text('ftypqt  '), 0, 0, 2, 0, ...text('qt  ')], tag),
  webm: (tag = '') => bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84, ...text('webm'), 0x42, 0x87, 0x81, 0x02], tag),
  matroska: (tag = '') => bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88, ...text('matroska'), 0x42, 0x87, 0x81, 0x04], tag),
  m4a: (tag = '') => bytes([0, 0, 0, 0x14, ...text('ftypM4A '), 0, 0, 0, 0], tag),
  pdf: (tag = '') => bytes(text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'), tag),
  zip: (tag = '') => bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], tag),
  exe: (tag = '') => bytes([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0], tag),
  text: (tag = '') => bytes(text('The box arrived damaged.\n'), tag),
  unknown: (tag = '') => bytes([0x00, 0x13, 0x37, 0x00, 0xfe, 0x01, 0x02, 0x03], tag),
};

import { inflateSync } from 'node:zlib';

/** A decoded PNG: width, height and RGBA bytes. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Decodes an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes), enough for pixel checks in tests. */
export function decodePng(bytes: Uint8Array): Pixels {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  let pos = 8;
  let width = 0,
    height = 0,
    colorType = 6;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString();
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      colorType = data[9] as number;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (bpp === 0) throw new Error(`colour type ${colorType} not handled`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      const b = prev[i] as number;
      const c = i >= bpp ? (prev[i - bpp] as number) : 0;
      const x = line[i] as number;
      let v: number;
      switch (filter) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad filter ${filter}`);
      }
      cur[i] = v & 0xff;
    }
    for (let xx = 0; xx < width; xx++) {
      const o = (y * width + xx) * 4;
      out[o] = cur[xx * bpp] as number;
      out[o + 1] = cur[xx * bpp + 1] as number;
      out[o + 2] = cur[xx * bpp + 2] as number;
      out[o + 3] = bpp === 4 ? (cur[xx * bpp + 3] as number) : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Share of pixels in a rectangle darker than `threshold` (0-255 luminance) — text is dark, background white. */
export function darkShare(p: Pixels, x0: number, y0: number, x1: number, y1: number, threshold = 100): number {
  let dark = 0,
    all = 0;
  for (let y = y0; y < Math.min(y1, p.height); y++) {
    for (let x = x0; x < Math.min(x1, p.width); x++) {
      const o = (y * p.width + x) * 4;
      const lum = 0.299 * (p.rgba[o] as number) + 0.587 * (p.rgba[o + 1] as number) + 0.114 * (p.rgba[o + 2] as number);
      if (lum < threshold) dark++;
      all++;
    }
  }
  return all === 0 ? 0 : dark / all;
}

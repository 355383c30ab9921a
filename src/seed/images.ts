import sharp from 'sharp'

/** Abstract demo photos drawn on the spot (no stock images shipped, no text to render). */
export async function demoImage(hue: number, variant: number): Promise<Buffer> {
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const x = (i * 233 + variant * 97) % 1600
    const y = (i * 151 + variant * 53) % 900
    const r = 120 + ((i * 71 + variant * 31) % 220)
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(hue + i * 18) % 360} 55% ${45 + (i % 3) * 10}%)" fill-opacity="0.55"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 30%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 55%)"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>${shapes}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

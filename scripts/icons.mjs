// Renders assets/icon.svg to the PNG sizes the manifest names. Run: npm run icons
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url));
const out = new URL('../public/icon/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`${size}.png`, out), png);
  console.log(`public/icon/${size}.png ${png.length} bytes`);
}

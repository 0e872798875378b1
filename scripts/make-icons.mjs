#!/usr/bin/env node
// Renders the PWA icons (public/icons/*.png) from public/icons/icon.svg with headless Chromium.
// Run after changing the SVG: `node scripts/make-icons.mjs`; commit the SVG and the PNGs.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICONS_DIR = fileURLToPath(new URL('../public/icons/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Maskable icons are cropped to a circle of 80 % of their size: keep the glyph inside it. */
const MASKABLE_GLYPH_SCALE = 0.78;

function maskable(svg) {
  return svg
    .replace(/rx="\d+"/, 'rx="0"')
    .replace(
      '<g id="glyph">',
      `<g id="glyph" transform="translate(256 260) scale(${MASKABLE_GLYPH_SCALE}) translate(-256 -260)">`,
    );
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, type: 'png' });
}

const svg = await readFile(`${ICONS_DIR}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const outputs = [
    ['icon-192.png', svg, 192],
    ['icon-512.png', svg, 512],
    ['icon-maskable-512.png', maskable(svg), 512],
    ['apple-touch-icon-180.png', maskable(svg), 180],
  ];
  for (const [name, source, size] of outputs) {
    await writeFile(`${ICONS_DIR}${name}`, await render(page, source, size));
    console.log(`wrote public/icons/${name} (${size}×${size})`);
  }
} finally {
  await browser.close();
}

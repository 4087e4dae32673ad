// How much room each text of Mermaid's SVG drawings needs, measured by Chromium.
//
// Usage: node mermaid_clipping.mjs TOOLS_DIR PUPPETEER_CONFIG SVG...
// Prints {svg: [{text, width, height, needWidth, needHeight}]}, one entry per
// foreignObject (the boxes Mermaid clips its text to), sizes in the SVG's own units.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, configFile, ...svgs] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const puppeteer = (await import(pathToFileURL(require.resolve('puppeteer')).href)).default;
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const browser = await puppeteer.launch({ headless: true, ...config });
const report = {};
try {
  const page = await browser.newPage();
  for (const svg of svgs) {
    await page.goto(pathToFileURL(svg).href);
    report[svg] = await page.evaluate(() =>
      [...document.querySelectorAll('foreignObject')].map((box) => {
        const label = box.querySelector('div.label') ?? box.firstElementChild;
        const height = Number(box.getAttribute('height'));
        const scale = box.getBoundingClientRect().height / height;
        const range = document.createRange();
        range.selectNodeContents(label);
        const text = range.getBoundingClientRect();
        return {
          text: label.textContent,
          width: Number(box.getAttribute('width')),
          height,
          needWidth: text.width / scale,
          needHeight: text.height / scale,
        };
      }),
    );
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

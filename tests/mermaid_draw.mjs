// Mermaid's drawings of many diagrams, as mermaid-cli (`mmdc`) makes them, in one page.
//
// Usage: node mermaid_draw.mjs TOOLS_DIR PUPPETEER_CONFIG MARKDOWN OUT_DIR [--no-font-embed]
// Draws each ```mermaid block of MARKDOWN (found with mmdc's own pattern) to
// OUT_DIR/out-N.svg, N from 1 as `mmdc -i MARKDOWN -o OUT_DIR/out.md` names them, and
// prints a JSON list: null for a drawing made, Mermaid's error message for a diagram it
// rejects (mmdc stops at the first one; here the others are still drawn).
// --no-font-embed: as mmdc's option, no fonts copied into each drawing's <style>.
//
// `mmdc` opens a new browser page for every diagram and loads Mermaid into it again
// (~0.7 s a diagram on a quiet 2-core machine, ~2 s on a busy one: 4 minutes and more for
// the 177 wild files). This does what mermaid-cli 12.2.0's renderMermaid does (its page,
// stylesheets, fonts, Mermaid bundle, default options, font embedding and XML
// serialisation: mermaid-cli's own files, through its own request interceptor), but
// loads the page once and draws the diagrams one after the other in it, as a web page
// with many diagrams does; after a rejected diagram the page is loaded afresh.
// tests/test_mermaid.py checks that the drawings are byte for byte mmdc's.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [tools, configFile, markdown, outDir, ...options] = process.argv.slice(2);
const fontEmbed = !options.includes('--no-font-embed');
const cliDir = join(tools, 'node_modules', '@mermaid-js', 'mermaid-cli');
const cliIndex = pathToFileURL(join(cliDir, 'src', 'index.js')).href;
const require = createRequire(join(tools, 'package.json'));
const puppeteer = (await import(pathToFileURL(require.resolve('puppeteer')).href)).default;
const { Interceptor } = await import(
  pathToFileURL(join(cliDir, 'src', 'puppeteerIntercept.js')).href
);
const { resolve } = await import(
  pathToFileURL(require.resolve('import-meta-resolve')).href
);

// The same files as mermaid-cli's src/index.js, resolved from where it resolves them.
const mermaidESMPath = join(dirname(fileURLToPath(resolve('mermaid', cliIndex))), 'mermaid.esm.mjs');
const zenumlESMPath = join(
  dirname(fileURLToPath(resolve('@mermaid-js/mermaid-zenuml', cliIndex))),
  'mermaid-zenuml.esm.mjs',
);
const browserUtilsPath = fileURLToPath(resolve('./browser/fontEmbedder.js', cliIndex));
let tidyTreeESMPath;
try {
  tidyTreeESMPath = join(
    dirname(fileURLToPath(resolve('@mermaid-js/layout-tidy-tree', cliIndex))),
    'mermaid-layout-tidy-tree.esm.mjs',
  );
} catch {
  tidyTreeESMPath = undefined; // an optional dependency of mermaid-cli, as there
}
const CSS = {
  '@fortawesome/fontawesome-free/css/brands.css': 1,
  '@fortawesome/fontawesome-free/css/regular.css': 1,
  '@fortawesome/fontawesome-free/css/solid.css': 1,
  '@fortawesome/fontawesome-free/css/fontawesome.css': 1,
  '@fontsource-variable/recursive/index.css': 0,
  '@fontsource/open-sans/400.css': 0,
  '@fontsource/open-sans/400-italic.css': 0,
  'katex/dist/katex.css': 1,
};
// mmdc's defaults: no theme, no --size (a 0 x 0 viewport at scale 1), a white background.
const mermaidConfig = {};
const backgroundColor = 'white';

// mermaid-cli's pattern for Mermaid blocks in Markdown (src/index.js, run()).
const blocks = /^[^\S\n]*[`:]{3}(?:mermaid)([^\S\n]*\r?\n([\s\S]*?))[`:]{3}[^\S\n]*$/gm;
const definitions = [...readFileSync(markdown, 'utf8').matchAll(blocks)].map((m) => m[2]);

async function openPage(browser) {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (!msg.location().url?.includes('LICENSE')) console.warn(msg.text());
  });
  await page.setViewport({ width: 0, height: 0, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(cliDir, 'dist', 'index.html')).href);
  await page.$eval('body', (body, color) => { body.style.background = color; }, backgroundColor);
  const interceptor = new Interceptor();
  const intercepted = (file) => interceptor.fileUrlToInterceptUrl(pathToFileURL(file));
  const urls = {
    mermaidUrl: await intercepted(mermaidESMPath),
    zenumlUrl: await intercepted(zenumlESMPath),
    tidyTreeESMUrl: tidyTreeESMPath ? await intercepted(tidyTreeESMPath) : undefined,
  };
  const browserUtilsUrl = await intercepted(browserUtilsPath);
  page.on('request', interceptor.interceptRequestHandler);
  await page.setRequestInterception(true);
  await Promise.all(
    Object.entries(CSS).map(async ([css, allowParentDirectoryLevel]) => {
      const href = await interceptor.fileUrlToInterceptUrl(new URL(resolve(css, cliIndex)), {
        allowParentDirectoryLevel,
      });
      await page.evaluate(({ href }) => {
        const link = document.createElement('link');
        link.setAttribute('crossorigin', 'anonymous');
        link.setAttribute('rel', 'stylesheet');
        link.setAttribute('href', href);
        link.setAttribute('class', 'mermaid-cli-css');
        const loaded = new Promise((ok, fail) => {
          link.onload = () => ok();
          link.onerror = () => fail(new Error(`Failed to load stylesheet: ${href}`));
        });
        document.head.appendChild(link);
        return loaded;
      }, { href });
    }),
  );
  await page.evaluate(async ({ mermaidUrl, zenumlUrl, tidyTreeESMUrl }) => {
    const { default: mermaid } = await import(mermaidUrl);
    const { default: zenuml } = await import(zenumlUrl);
    const { default: tidyTree } = tidyTreeESMUrl ? await import(tidyTreeESMUrl) : {};
    await Promise.all(Array.from(document.fonts, (font) => font.load()));
    await mermaid.registerExternalDiagrams([zenuml]);
    mermaid.registerLayoutLoaders(tidyTree ?? []);
    mermaid.registerIconPacks([]);
    window.mermaidOnce = mermaid;
  }, urls);
  return { page, browserUtilsUrl };
}

async function draw({ page, browserUtilsUrl }, definition) {
  await page.$eval('#container', async (container, { definition, mermaidConfig, backgroundColor }) => {
    const mermaid = window.mermaidOnce;
    container.innerHTML = '';
    mermaid.initialize({ startOnLoad: false, ...mermaidConfig });
    const { svg: svgText } = await mermaid.render('my-svg', definition, container);
    container.innerHTML = svgText;
    container.getElementsByTagName('svg')[0].style.backgroundColor = backgroundColor;
  }, { definition, mermaidConfig, backgroundColor });
  return page.$eval('#container svg', async (svg, { browserUtilsUrl, fontEmbed }) => {
    if (fontEmbed) {
      const { fontEmbedder } = await import(browserUtilsUrl);
      await fontEmbedder({ document, svg });
    }
    return new XMLSerializer().serializeToString(svg);
  }, { browserUtilsUrl, fontEmbed });
}

const config = JSON.parse(readFileSync(configFile, 'utf8'));
const browser = await puppeteer.launch({ headless: 'shell', ...config });
const report = [];
try {
  let opened = await openPage(browser);
  for (const [index, definition] of definitions.entries()) {
    try {
      const svg = await draw(opened, definition);
      writeFileSync(join(outDir, `out-${index + 1}.svg`), svg);
      report.push(null);
    } catch (error) {
      report.push(String(error?.message ?? error));
      await opened.page.close();
      opened = await openPage(browser);
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

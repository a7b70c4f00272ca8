// Loads Swagger UI in headless Chromium, once per API document it offers and per colour scheme (Swagger UI follows the
// reader's prefers-color-scheme), and prints one JSON report on stdout: every console error, uncaught page error,
// Content-Security-Policy violation, operation showing a padlock (no public operation needs a key) and critical or
// serious axe-core violation. Run by SwaggerUiBrowserTests against a
// real host:   node check-swagger-ui.mjs <swagger page url> <chromium executable> [timeout ms]
// playwright-core and axe-core come from the repository's node_modules (package.json devDependencies).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [pageUrl, executablePath, timeoutArgument] = process.argv.slice(2);
if (!pageUrl || !executablePath) {
  console.error('usage: node check-swagger-ui.mjs <swagger page url> <chromium executable> [timeout ms]');
  process.exit(2);
}

// Generous: on a loaded 2-core machine the first render of a large document can take many seconds.
const timeout = Number(timeoutArgument ?? 180000);
const reportedImpacts = new Set(['critical', 'serious']);

/** True once the selected document is loaded and every one of its operations, and the schemas, are on the page. */
function documentRendered() {
  const specs = window.ui?.specSelectors;
  if (!specs || specs.loadingStatus() !== 'success') {
    return false;
  }

  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
  let operations = 0;
  specs.specJson().get('paths')?.forEach(item => item.forEach((_, key) => { operations += methods.includes(key) ? 1 : 0; }));
  return operations > 0 && document.querySelectorAll('.opblock').length >= operations && document.querySelector('.models') !== null;
}

async function check(context, documentName) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const report = { page: '', consoleErrors: [], cspViolations: [], padlocks: [], axeViolations: [] };
  // Added before any page script runs; the page's CSP does not apply to what the browser itself injects.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || 'the page'}:${e.lineNumber}:${e.columnNumber}`));
  });
  page.on('console', message => {
    if (message.type() === 'error') {
      report.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', error => report.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));

  const url = new URL(pageUrl);
  if (documentName) {
    url.searchParams.set('urls.primaryName', documentName);
  }

  await page.goto(url.href, { waitUntil: 'load' });
  await page.waitForFunction(documentRendered, null, { timeout, polling: 250 });
  const shown = await page.evaluate(() => {
    const selected = window.ui.specSelectors.url();
    const urls = window.ui.getConfigs().urls ?? [];
    return { name: urls.find(u => new URL(u.url, location.href).href === new URL(selected, location.href).href)?.name ?? selected, all: urls.map(u => u.name) };
  });

  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  report.axeViolations = results.violations
    .filter(v => reportedImpacts.has(v.impact))
    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
  report.cspViolations = await page.evaluate(() => window.__cspViolations);
  report.padlocks = await page.evaluate(() => [...document.querySelectorAll('.opblock')]
    .filter(operation => operation.querySelector('.authorization__btn'))
    .map(operation => `${operation.querySelector('.opblock-summary-method')?.textContent} ${operation.querySelector('[data-path]')?.dataset.path}`));
  report.page = `${shown.name}, ${context.colorScheme} colour scheme`;
  await page.close();
  return { report, documents: shown.all, shown: shown.name };
}

const browser = await chromium.launch({ executablePath, headless: true, timeout });
try {
  const reports = [];
  let documents = null;
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    context.colorScheme = colorScheme;
    let names = documents;
    if (names === null) {
      // The page as a reader first sees it: the default document, which also tells which documents are offered.
      const first = await check(context, null);
      reports.push(first.report);
      documents = first.documents.length > 0 ? first.documents : [first.shown];
      names = documents.filter(name => name !== first.shown);
    }

    for (const name of names) {
      reports.push((await check(context, name)).report);
    }

    await context.close();
  }

  console.log(JSON.stringify(reports));
} finally {
  await browser.close();
}

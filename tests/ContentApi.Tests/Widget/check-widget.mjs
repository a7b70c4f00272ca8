// Loads a partner's page (served from another origin than the API, under a strict Content-Security-Policy) that embeds
// the widget, in headless Chromium, and prints one JSON report on stdout: per scenario, what went wrong, every console
// error, CSP violation and axe-core violation, and the screenshot written. Run by WidgetBrowserTests:
//   node check-widget.mjs <partner origin> <api origin> <screenshot folder> <chromium executable> <timeout ms>
// Each wait polls for its condition with a generous limit (a loaded 2-core machine); nothing sleeps a fixed time.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [partner, api, screenshots, executablePath, timeoutArgument] = process.argv.slice(2);
if (!partner || !api || !executablePath || !screenshots) {
  console.error('usage: node check-widget.mjs <partner origin> <api origin> <screenshot folder> <chromium> <timeout ms>');
  process.exit(2);
}

const timeout = Number(timeoutArgument ?? 180000);
mkdirSync(screenshots, { recursive: true });

// In the page: every element of the document and of the widgets' shadow roots, and the deepest focused element.
const pageHelpers = () => {
  window.__deepAll = (selector, root = document) => [...root.querySelectorAll(selector)].concat(
    [...root.querySelectorAll('*')].filter(e => e.shadowRoot).flatMap(e => window.__deepAll(selector, e.shadowRoot)));
  window.__deepActive = () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  window.__describe = e => e ? `${e.tagName.toLowerCase()} ${e.getAttribute('href') ?? ''} ${e.textContent.trim().slice(0, 60)}` : 'nothing';
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || 'the page'}:${e.lineNumber}`));
};

async function scenario(browser, name, path, check, options = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const report = { scenario: name, failures: [], consoleErrors: [], cspViolations: [], axeViolations: [], screenshot: '' };
  if (options.apiDown) {
    // The API cannot be reached for data; the script itself has already been served.
    await context.route(new RegExp(`^${api.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/`), route => route.abort('connectionrefused'));
  }

  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.addInitScript(pageHelpers);
  page.on('console', message => message.type() === 'error' && report.consoleErrors.push(message.text()));
  page.on('response', response => response.status() >= 400 && report.consoleErrors.push(`${response.status()} from ${response.url()}`));
  page.on('pageerror', error => report.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  try {
    await page.goto(new URL(path, partner).href, { waitUntil: 'load' });
    await check(page, report.failures);
    if (!options.leavesThePage) {
      await page.evaluate(axeSource);
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      report.axeViolations = results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
      report.cspViolations = await page.evaluate(() => window.__cspViolations);
    }

    report.screenshot = join(screenshots, `${name}.png`);
    await page.screenshot({ path: report.screenshot, fullPage: true });
  } catch (error) {
    report.failures.push(`${error.name}: ${error.message}`);
  } finally {
    await context.close();
  }

  if (options.apiDown) {
    // The refused requests are reported by the browser as console errors; that is the scenario, not a fault.
    report.consoleErrors = report.consoleErrors.filter(e => !e.includes('ERR_CONNECTION_REFUSED') && !e.includes('Failed to load resource'));
  }

  return report;
}

const tiersShown = selector => page => page.waitForFunction(
  s => document.querySelector(s)?.shadowRoot?.querySelectorAll('[part~=tier]').length > 0, selector, { polling: 250, timeout });

async function checkTiers(page, failures) {
  await tiersShown('safeguarding-signposting')(page);
  const tiers = await page.evaluate(() => [...document.querySelector('safeguarding-signposting').shadowRoot.querySelectorAll('[part~=tier]')]
    .map(t => ({ tier: t.dataset.tier, links: [...t.querySelectorAll('a')].map(a => a.getAttribute('href')) })));
  if (tiers[0]?.tier !== 'emergency' || tiers[0].links[0] !== 'tel:999') {
    failures.push(`the first tier is not emergency with tel:999 first: ${JSON.stringify(tiers[0])}`);
  }

  if (tiers.length < 3) {
    failures.push(`expected at least three tiers, got ${tiers.map(t => t.tier).join(', ')}`);
  }

  await page.waitForFunction(() => document.querySelector('safeguarding-guidance')?.shadowRoot?.querySelector('[part~=attribution]'), null, { polling: 250, timeout });
  const licence = await page.evaluate(() => document.querySelector('safeguarding-guidance').shadowRoot.querySelector('[part~=attribution]').textContent);
  if (!/Licence/.test(licence)) {
    failures.push(`the article shows no licence: ${licence}`);
  }

  await checkKeyboard(page, failures);
  // Attributes changed after load: the widget asks again and shows the new answer.
  await page.evaluate(() => document.querySelector('safeguarding-signposting').setAttribute('lang', 'cy'));
  await page.waitForFunction(() => document.querySelector('safeguarding-signposting').shadowRoot.querySelector('h2')?.textContent === 'Pwy all helpu'
    && document.querySelector('safeguarding-signposting').shadowRoot.querySelectorAll('[part~=tier]').length > 0, null, { polling: 250, timeout });
  await page.evaluate(() => document.querySelector('safeguarding-signposting').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('safeguarding-signposting').shadowRoot.querySelector('h2')?.textContent === 'Who can help'
    && document.querySelector('safeguarding-signposting').shadowRoot.querySelectorAll('[part~=tier]').length > 0, null, { polling: 250, timeout });
}

async function checkKeyboard(page, failures) {
  const targets = await page.evaluate(() => window.__deepAll('a[href], button').map(window.__describe));
  const reached = new Set();
  let unfocusedStyle = 0;
  for (let press = 0; press < targets.length + 3; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = window.__deepActive();
      const style = active && getComputedStyle(active);
      return { name: window.__describe(active), visible: !!style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none') };
    });
    reached.add(focused.name);
    unfocusedStyle += focused.name !== 'nothing' && !focused.name.startsWith('body') && !focused.visible ? 1 : 0;
  }

  const missed = targets.filter(t => !reached.has(t));
  if (missed.length > 0) {
    failures.push(`Tab never reached: ${missed.join(' | ')}`);
  }

  if (unfocusedStyle > 0) {
    failures.push(`${unfocusedStyle} focused elements had no visible focus indicator`);
  }
}

async function checkWelsh(page, failures) {
  await tiersShown('safeguarding-signposting')(page);
  const shown = await page.evaluate(() => {
    const root = document.querySelector('safeguarding-signposting').shadowRoot;
    return {
      heading: root.querySelector('h2').textContent,
      first: root.querySelector('[part~=tier]').dataset.tier,
      marks: [...root.querySelectorAll('[part~=fallback-mark]')].map(m => m.textContent),
      welshTiers: [...root.querySelectorAll('[part~=tier] > div[lang=cy-GB]')].length,
    };
  });
  if (shown.heading !== 'Pwy all helpu' || shown.first !== 'emergency') {
    failures.push(`Welsh heading or order wrong: ${JSON.stringify(shown)}`);
  }

  if (shown.marks.length === 0 || shown.welshTiers === 0) {
    failures.push(`expected Welsh tiers and English fallbacks marked as such: ${JSON.stringify(shown)}`);
  }
}

async function checkFallback(page, failures) {
  await page.waitForFunction(() => document.querySelector('safeguarding-signposting')?.shadowRoot?.querySelector('[part~=danger]'), null, { polling: 250, timeout });
  const shown = await page.evaluate(() => {
    const root = document.querySelector('safeguarding-signposting').shadowRoot;
    return { danger: root.querySelector('[part~=danger]').textContent, links: [...root.querySelectorAll('a')].map(a => a.getAttribute('href')) };
  });
  if (shown.danger !== 'If you are in danger now, call 999' || shown.links.join() !== 'tel:999,tel:08001111') {
    failures.push(`the built-in fallback is not as expected: ${JSON.stringify(shown)}`);
  }
}

async function checkQuickExit(page, failures) {
  await tiersShown('safeguarding-signposting')(page);
  // The neutral site is never contacted: the navigation it starts is answered here.
  await page.route('https://www.bbc.co.uk/**', route => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => document.querySelector('safeguarding-signposting').shadowRoot.querySelector('[part~=quick-exit]').focus());
  await Promise.all([page.waitForURL('https://www.bbc.co.uk/weather', { timeout }), page.keyboard.press('Enter')]);
  const after = await page.evaluate(() => history.length);
  if (after !== before) {
    failures.push(`quick exit added to the history (${before} entries before, ${after} after), so Back returns to the partner page`);
  }
}

async function checkDemo(page, failures) {
  await page.waitForFunction(() => [...document.querySelectorAll('safeguarding-signposting')].every(e => e.shadowRoot?.querySelector('[part~=tier]'))
    && document.querySelector('safeguarding-guidance')?.shadowRoot?.querySelector('[part~=attribution]'), null, { polling: 250, timeout });
  const examples = await page.evaluate(() => document.querySelectorAll('safeguarding-signposting').length);
  if (examples < 5) {
    failures.push(`expected an example for each age group, got ${examples}`);
  }

  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0, null, { polling: 250, timeout });
}

const browser = await chromium.launch({ executablePath, headless: true, timeout });
try {
  const reports = [
    await scenario(browser, 'english', '/english', checkTiers),
    await scenario(browser, 'welsh', '/welsh', checkWelsh),
    await scenario(browser, 'api-down', '/english', checkFallback, { apiDown: true }),
    await scenario(browser, 'demo', `${api}/widget`, checkDemo),
  ];
  // Its page is then the neutral site, so it is not checked with axe.
  reports.push(await scenario(browser, 'quick-exit', '/english', checkQuickExit, { leavesThePage: true }));
  console.log(JSON.stringify(reports));
} finally {
  await browser.close();
}

/**
 * Mind Pharmacy: symptom tap → detail and confirm tap → compounding screen
 * (pointerdown to the next frame after the screen is in the DOM), in
 * Chromium against the web host; and confirm → slip fully sent to the
 * printer simulator, through the API with both simulators (vend time 0).
 */
import { launchBrowser, KIOSK_VIEWPORT } from '../test/support/browser';
import { startWebKiosk } from '../test/support/web-kiosk';
import { median, percentile, type BenchModule, type BenchRow } from './bench-table';

// In-page probe, as a string: this file is type-checked for Node, not the DOM.
const PROBE = `(() => {
  window.__marks = [];
  window.addEventListener('pointerdown', (e) => { window.__down = e.timeStamp; }, true);
  const seen = new Set();
  new MutationObserver(() => {
    for (const id of ['pharmacy-detail', 'pharmacy-compounding']) {
      if (!seen.has(id) && document.querySelector('[data-testid="' + id + '"]')) {
        seen.add(id);
        const down = window.__down;
        requestAnimationFrame(() => window.__marks.push({ id, ms: performance.now() - down }));
      }
    }
    // Init scripts run before <html> exists: watch the document itself.
  }).observe(document, { childList: true, subtree: true });
})()`;

async function screenLatencies(visits: number) {
  // 20 visitors back to back are faster than any person at one screen: the screen's rate limits would refuse them.
  const kiosk = await startWebKiosk({ kioskId: 'bench-pharmacy', idleSeconds: 3600, vending: { sim: { vendMs: 0 } } }, { rateLimits: false });
  const browser = await launchBrowser();
  const detail: number[] = [];
  const compounding: number[] = [];
  try {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.addInitScript(PROBE);
    for (let i = 0; i < visits; i++) {
      await page.goto(kiosk.url);
      await page.getByTestId('attract').click();
      await page.getByTestId('service-pharmacy').click();
      await page.getByTestId('symptom-option').nth(i % 16).click();
      await page.getByTestId('pharmacy-confirm').click();
      await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
      const marks = (await page.evaluate('window.__marks')) as { id: string; ms: number }[];
      for (const m of marks) (m.id === 'pharmacy-detail' ? detail : compounding).push(m.ms);
    }
  } finally {
    await browser.close();
    await kiosk.stop();
  }
  return { detail, compounding };
}

async function confirmToSlipSent(visits: number) {
  const kiosk = await startWebKiosk({ kioskId: 'bench-pharmacy-api', vending: { sim: { vendMs: 0 } } });
  const samples: number[] = [];
  try {
    const catalog = await kiosk.services.dispatch('pharmacy.catalog', {});
    const symptoms = catalog.ok ? (catalog.value as { symptoms: { id: string }[] }).symptoms : [];
    for (let i = 0; i < visits; i++) {
      const t0 = performance.now();
      let sentAt = 0;
      const off = kiosk.services.events!.subscribe((e) => {
        if (e.type === 'print.job_printed' && !sentAt) sentAt = performance.now();
      });
      await kiosk.services.dispatch('pharmacy.prescribe', { symptomId: symptoms[i % symptoms.length].id, requestId: `bench-${Date.now()}-${i}`, language: 'ko' });
      off();
      if (sentAt) samples.push(sentAt - t0);
    }
  } finally {
    await kiosk.stop();
  }
  return samples;
}

export const pharmacyBench: BenchModule = {
  area: 'pharmacy',
  async run(): Promise<BenchRow[]> {
    const { detail, compounding } = await screenLatencies(20);
    const sent = await confirmToSlipSent(30);
    return [
      { area: 'pharmacy', metric: `symptom tap → detail, p95 (${detail.length} taps)`, value: percentile(detail, 95), unit: 'ms' },
      { area: 'pharmacy', metric: `confirm tap → compounding screen, p95 (${compounding.length} taps)`, value: percentile(compounding, 95), unit: 'ms' },
      { area: 'pharmacy', metric: `confirm → slip fully sent, median (${sent.length} visitors, simulators)`, value: median(sent), unit: 'ms' },
    ];
  },
};

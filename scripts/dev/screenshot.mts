import { launchBrowser, KIOSK_VIEWPORT } from '../../test/support/browser';
const url = process.argv[2]; const out = process.argv[3]; const taps = process.argv.slice(4);
const b = await launchBrowser();
const p = await (await b.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true, deviceScaleFactor: 0.5 })).newPage();
await p.goto(url); await p.waitForTimeout(800);
for (const t of taps) { if (t.startsWith('wait:')) { await p.waitForTimeout(Number(t.slice(5))); continue; } await p.getByTestId(t).first().tap(); await p.waitForTimeout(400); }
await p.screenshot({ path: out }); await b.close();

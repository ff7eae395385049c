import { launchBrowser } from '../../test/support/browser';
const b = await launchBrowser(); const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text())); p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(process.argv[2]); await p.waitForTimeout(2000); console.log((await p.content()).slice(0, 500)); await b.close();

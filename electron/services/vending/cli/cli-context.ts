/**
 * The service context a technician CLI runs on: the app's config, database
 * (`<dataDir>/itda.db`) and logs, without the rest of the app. So a
 * `dispense` from the CLI takes its TXN from the same counter and lands in
 * the same transaction log the kiosk reconciles.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../context';
import { loadConfig } from '../../config/load-config';
import { resolveRuntimeOptions } from '../../config/runtime-options';
import { projectRoot } from '../../app/project-paths';
import { createLogger } from '../../app/logger';
import { HealthMonitor } from '../../app/health-monitor';
import { appEventSchemas } from '../../app/app-events';
import { openDatabase, ensureSetting } from '../../storage/database';
import { EventLog } from '../../storage/event-log';
import { ulid } from '../../storage/ids';
import { vendingEventSchemas } from '../vending-events';
import type { KioskConfig } from '../../config/config-schema';

export function loadCliConfig(flags: Record<string, string>): { config: KioskConfig; dataDir: string } {
  // `--port` names the cabinet here, not the web host's port.
  const { port: _port, ...rest } = flags;
  const rt = resolveRuntimeOptions(rest, process.env, { dataDir: join(projectRoot(), 'data') });
  const config = loadConfig({ file: rt.configFile, required: rt.configRequired });
  return { config, dataDir: rt.dataDir };
}

export function openCliContext(config: KioskConfig, dataDir: string): ServiceContext & { close(): void } {
  const logger = createLogger({ dir: join(dataDir, 'logs'), component: 'vending-cli', echo: false });
  const db = openDatabase({ dataDir });
  const kioskId = config.kioskId ?? ensureSetting(db, 'kiosk_id', () => `kiosk-${ulid().slice(-8).toLowerCase()}`);
  const events = new EventLog(db, kioskId, {});
  events.register(appEventSchemas);
  events.register(vendingEventSchemas);
  return {
    db,
    events,
    config,
    kioskId,
    dataDir,
    logger,
    health: new HealthMonitor(logger),
    push: () => {},
    record: (type, payload = {}) => void events.append(type, payload),
    getService: () => {
      throw new TypeError('the vending CLI runs the vending service only');
    },
    close: () => db.close(),
  };
}

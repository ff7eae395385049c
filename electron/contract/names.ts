/**
 * The plain list of contract method names and IPC channels.
 *
 * The sandboxed preload imports this file and `electron` only (no zod, no
 * npm packages), so it stays a list of strings. `api.test.ts` checks that it
 * matches the keys of `api.ts` exactly.
 */
export const methodNames = [
  'app.info',
  'app.health',
  'app.staffCall',
  'app.visitorEvent',
  // printing
  'printer.status',
  'printer.jobs',
  'printer.simFaults',
  'printer.staffStatus',
  'printer.staffPrint',
  'printer.staffRetry',
  'printer.staffPreview',
  // vending
  'vending.status',
  'vending.slots',
  'vending.giftAvailable',
  'vending.simFaults',
  'vending.staffStatus',
  'vending.staffPing',
  'vending.staffSlotInfo',
  'vending.staffMotorTest',
  'vending.staffClearFaults',
  'vending.staffResolveVend',
  'vending.staffFrames',
  'vending.staffStock',
  'vending.staffRestock',
  'vending.staffSetSlotEnabled',
  // pharmacy
  'pharmacy.catalog',
  'pharmacy.availability',
  'pharmacy.chooseSymptom',
  'pharmacy.prescribe',
  'pharmacy.crisis',
  // a11y
  'a11y.config',
  'a11y.speak',
  'a11y.stopSpeaking',
  'a11y.testVoice',
  // store
  'store.info',
  'store.start',
  'store.identify',
  'store.selfCheck',
  'store.snacks',
  'store.chooseSnacks',
  'store.queueStatus',
  'store.talkNow',
  'store.slots',
  'store.book',
  'store.finish',
  'store.crisis',
  'store.staffQueue',
  'store.staffCallNext',
  'store.staffMarkQueue',
  'store.staffMoveQueue',
  'store.staffBookings',
  'store.staffCancelBooking',
  'store.staffAvailability',
  'store.staffSetAvailability',
  'store.staffStock',
  'store.staffRestock',
  'store.staffSetLowStock',
  'store.staffEraseVisitor',
  'store.staffPurge',
  // staff
  'staff.authState',
  'staff.setup',
  'staff.login',
  'staff.logout',
  'staff.session',
  'staff.activity',
  'staff.pins',
  'staff.addPin',
  'staff.removePin',
  'staff.alerts',
  'staff.acknowledgeAlert',
  'staff.editSlot',
  'staff.dashboard',
  'staff.dashboardCsv',
  'staff.maintenanceState',
  'staff.setMaintenance',
  'staff.config',
  'staff.updateConfig',
  'staff.serialPorts',
  'staff.diagnostics',
  'staff.devices',
  'staff.createPairingCode',
  'staff.revokeDevice',
  // console (the staff console's day screens)
  'console.overview',
  'console.alerts',
  'console.acknowledge',
  'console.printJobs',
  'console.cancelJob',
  'console.reprintJob',
  'console.jobPreview',
  'console.setGiftLowStock',
  // hub (the kiosk's link to the venue hub)
  'hub.status',
  'hub.pair',
  'console.giftLowStock',
  'console.stats',
  'console.statsCsv',
  // connect (서울연결처방 programmes on the slip, the admin's catalog)
  'connect.chatbot',
  'connect.nextProgram',
  'connect.requestHelp',
  'connect.staffPrograms',
  'connect.staffSaveProgram',
  'connect.staffRetireProgram',
  'connect.staffImportCsv',
  'connect.staffExportCsv',
  'connect.staffSymptomMap',
  'connect.staffSetSymptomCategories',
  'connect.staffCounts',
  // 동행 가게 coupons and counseling referrals
  'coupons.offer',
  'coupons.take',
  'coupons.shops',
  'coupons.shopLogin',
  'coupons.shopLogout',
  'coupons.shopCheck',
  'coupons.shopRedeem',
  'coupons.shopRecent',
  'coupons.staffShops',
  'coupons.staffSaveShop',
  'coupons.staffSetShopPin',
  'coupons.staffPauseShop',
  'coupons.staffRemoveShop',
  'coupons.staffWeekly',
  'referrals.staffAdd',
  'referrals.staffList',
  'referrals.staffDone',
  'referrals.staffPrograms',
  'console.content',
  'console.contentPreview',
  'console.saveContent',
  'console.restoreContent',
  'console.openCrises',
] as const;

export type MethodName = (typeof methodNames)[number];

/**
 * Names of the events services push to screens; the same keys as
 * `pushEventSchemas` in `events.ts` (checked by `api.test.ts`). The preload
 * lets the renderer subscribe to these only.
 */
export const pushEventNames = ['app.health', 'device.status', 'staff.alert', 'console.changed', 'staff.maintenance', 'vending.frames'] as const;

/** IPC channel for calls: one channel, the method name travels in the payload. */
export const invokeChannel = 'itda:invoke';
/** IPC channel for pushed events from main to the renderer. */
export const pushChannel = 'itda:push';

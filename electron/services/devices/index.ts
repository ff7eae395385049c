/** The device I/O layer shared by the printer and vending stacks: one transport shape, one serial opener, one address grammar, one clock. */
export { systemClock, dateClock, sleep, type Clock } from './device-clock';
export { parseDeviceUri, DeviceUriError, type DeviceAddress, type DeviceKind, type DeviceUriRules, type ParsedDeviceUri } from './device-uri';
export { TransportError, Listeners, type ByteTransport } from './byte-transport';
export { openSerial, type SerialOptions } from './serial-opener';
export { openTcp, type TcpOptions } from './tcp-opener';
export { openDeviceFile } from './file-opener';
export { createMemoryPipe } from './memory-pipe';
export { openDevice, type HardwareAddress } from './open-device';

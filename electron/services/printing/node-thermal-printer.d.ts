/** node-thermal-printer ships no types for its EPSON command table; we read only its byte constants. */
declare module 'node-thermal-printer/lib/types/epson-config.js' {
  const epsonConfig: Record<string, Buffer> & { CODE_PAGES: Record<string, string> };
  export default epsonConfig;
}

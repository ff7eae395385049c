/**
 * A throwaway self-signed certificate for loopback TLS tests (valid one day,
 * for 127.0.0.1 and localhost), made with Debian's openssl.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function selfSignedCert(dir: string): { certFile: string; keyFile: string } {
  const tls = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', tls.keyFile, '-out', tls.certFile],
    { stdio: 'ignore' },
  );
  return tls;
}

import { writeCa } from '../tls/ca.js';
import { args, type Context } from './commands.js';
import { EXIT, UsageError } from './io.js';

const INSTRUCTIONS = (cert: string): string => `
Trust this certificate on every workstation and server whose HTTPS traffic phiwall must scan.
Keep the key private: anyone who has it can impersonate any website to those machines.

  Windows (as administrator):
    certutil -addstore -f Root "${cert}"
    (or Group Policy: Computer Configuration > Windows Settings > Security Settings >
     Public Key Policies > Trusted Root Certification Authorities > Import)
  macOS:
    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${cert}"
  Debian / Ubuntu:
    sudo cp "${cert}" /usr/local/share/ca-certificates/phiwall-ca.crt && sudo update-ca-certificates
  RHEL / Fedora:
    sudo cp "${cert}" /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust
  Node.js applications:
    NODE_EXTRA_CA_CERTS="${cert}"
  Java applications:
    keytool -importcert -cacerts -alias phiwall -file "${cert}"
  Firefox (uses its own store): Settings > Privacy & Security > Certificates > Import,
    or set security.enterprise_roots.enabled = true to use the system store.

Then set tls.intercept: true in phiwall.yaml (tls.ca_cert / tls.ca_key point at these files).
`;

/** phiwall ca init [--out DIR] [--force] */
export async function caCommand(argv: readonly string[], { io }: Context): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'init') throw new UsageError('usage: phiwall ca init [--out DIR] [--force]');
  const { values } = args(rest, { out: { type: 'string', default: 'ca' }, force: { type: 'boolean', default: false } });
  try {
    const { cert, key } = await writeCa(values.out as string, values.force === true);
    io.out(`wrote ${cert} (certificate) and ${key} (private key, mode 0600)\n${INSTRUCTIONS(cert)}`);
    return EXIT.ok;
  } catch (e) {
    io.err(`phiwall ca init: ${(e as Error).message}`);
    return EXIT.invalid;
  }
}

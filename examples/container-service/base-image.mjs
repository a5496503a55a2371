// The demo's base image: a stand-in for a distribution base image (think debian:12-slim), small enough
// to publish offline — Debian 12's os-release and a dpkg database listing what such an image installs,
// no binaries. Deterministic: the same bytes, hence the same digest, on every run. The demo publishes it
// to a registry on loopback, signed with a key the example's policy trusts, and the same image again in a
// repository the policy does not list (a stand-in for Docker Hub); `variant: 'unsigned'` is that image
// rebuilt by someone else (one file more), pushed to the listed repository without a signature.
import { layerFrom, writeLayout } from './oci.mjs';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const PACKAGES = [
  ['base-files', '12.4+deb12u11', undefined],
  ['ca-certificates', '20230311+deb12u1', undefined],
  ['libc6', '2.36-9+deb12u10', 'glibc'],
  ['libssl3', '3.0.16-1~deb12u1', 'openssl'],
  ['tzdata', '2025b-0+deb12u1', undefined],
  ['zlib1g', '1:1.2.13.dfsg-1', 'zlib'],
];

function dpkgStatus() {
  return PACKAGES.map(
    ([name, version, source]) =>
      `Package: ${name}\nStatus: install ok installed\nPriority: required\nArchitecture: amd64\n${source ? `Source: ${source}\n` : ''}Version: ${version}\nDescription: ${name} (demo base image)\n`,
  ).join('\n');
}

/** Writes the base image as an OCI layout into `dir`; returns its manifest digest. */
export function writeBaseImage(dir, variant = 'signed') {
  const files = {
    'etc/os-release': OS_RELEASE,
    'var/lib/dpkg/status': dpkgStatus(),
    ...(variant === 'unsigned' ? { 'etc/motd': 'rebuilt on a laptop, never signed\n' } : {}),
  };
  return writeLayout(dir, {
    layers: [layerFrom(files)],
    config: {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
    },
    tag: variant === 'unsigned' ? '12-unsigned' : '12',
  });
}

export const BASE_PACKAGES = PACKAGES.length;

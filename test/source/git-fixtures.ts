/**
 * Real repositories and real signing keys for the source tests: gpg keys made with
 * `gpg --batch --quick-gen-key` in a temporary GNUPGHOME (no passphrase), SSH keys from ssh-keygen,
 * and an X.509 identity from an openssl CA with the private key held by gpgsm.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const homes: string[] = [];
const dirs: string[] = [];

export function tempDir(prefix: string): string {
  // Short paths: gpg-agent sockets must fit in sun_path.
  const d = mkdtempSync(path.join('/tmp', prefix));
  dirs.push(d);
  return d;
}

/** Stops the gpg agents the fixtures started and removes their folders. */
export function cleanupFixtures(): void {
  for (const h of homes.splice(0)) spawnSync('gpgconf', ['--homedir', h, '--kill', 'all'], { stdio: 'ignore' });
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function haveTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export interface GpgKey {
  home: string;
  fingerprint: string;
  email: string;
  /** The public key, armoured (with its revocation when revoked). */
  armoured: string;
  /** A gpg wrapper for git's gpg.program (fakes the clock for expired keys). */
  program: string;
}

export function gpgKey(name: string, email: string, opts: { expired?: boolean } = {}): GpgKey {
  const home = tempDir('sf-gpg-');
  chmodSync(home, 0o700);
  homes.push(home);
  const gpg = (...args: string[]): string =>
    execFileSync('gpg', ['--batch', '--homedir', home, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // An expired key: made in 2020 with a one-day life, and used with the clock of that day.
  const clock = opts.expired ? ['--faked-system-time', '20200101T000000'] : [];
  gpg(...clock, '--passphrase', '', '--quick-gen-key', `${name} <${email}>`, 'ed25519', 'sign', opts.expired ? '1d' : '2y');
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-keys', email))?.[1] ?? '';
  const program = path.join(home, 'gpg-program');
  writeFileSync(program, `#!/bin/sh\nexec gpg --homedir '${home}' ${opts.expired ? '--faked-system-time 20200101T120000 ' : ''}"$@"\n`);
  chmodSync(program, 0o755);
  return { home, fingerprint, email, armoured: gpg('--armor', '--export', fingerprint), program };
}

/** Revokes a key with the certificate gpg made for it; `armoured` then carries the revocation. */
export function revokeKey(key: GpgKey): void {
  const revs = path.join(key.home, 'openpgp-revocs.d');
  const file = readdirSync(revs).find((f) => f.startsWith(key.fingerprint)) ?? '';
  const cert = readFileSync(path.join(revs, file), 'utf8').replace(/^:-----/m, '-----');
  writeFileSync(path.join(key.home, 'rev.asc'), cert);
  execFileSync('gpg', ['--batch', '--homedir', key.home, '--import', path.join(key.home, 'rev.asc')], { stdio: 'ignore' });
  key.armoured = execFileSync('gpg', ['--batch', '--homedir', key.home, '--armor', '--export', key.fingerprint], { encoding: 'utf8' });
}

export interface SshKey {
  privateKey: string;
  publicKey: string;
  line: string;
}

export function sshKey(comment: string): SshKey {
  const dir = tempDir('sf-ssh-');
  const privateKey = path.join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privateKey]);
  const publicKey = `${privateKey}.pub`;
  return { privateKey, publicKey, line: readFileSync(publicKey, 'utf8').trim() };
}

export interface X509Identity {
  home: string;
  certFile: string;
  keyId: string;
  caFile: string;
  email: string;
}

/** A CA made with openssl and a signing certificate whose key lives in a gpgsm home. */
export function x509Identity(
  email: string,
  ca?: { dir: string; caFile: string; caKey: string },
  /** Fulcio-style certificate: the OIDC issuer extensions (1.3.6.1.4.1.57264.1.1 and .1.8). */
  fulcio?: { oidcIssuer: string },
): X509Identity & { ca: { dir: string; caFile: string; caKey: string } } {
  const home = tempDir('sf-sm-');
  chmodSync(home, 0o700);
  homes.push(home);
  writeFileSync(path.join(home, 'gpgsm.conf'), 'disable-crl-checks\n');
  writeFileSync(path.join(home, 'gpg-agent.conf'), 'allow-loopback-pinentry\n');
  let authority = ca;
  if (!authority) {
    const dir = tempDir('sf-ca-');
    const caKey = path.join(dir, 'ca.key');
    const caFile = path.join(dir, 'ca.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        caKey,
        '-out',
        caFile,
        '-subj',
        '/CN=Acme Test CA/O=Acme',
        '-days',
        '30',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      { stdio: 'ignore' },
    );
    authority = { dir, caFile, caKey };
  }
  const params = path.join(home, 'gen.txt');
  writeFileSync(params, `Key-Type: RSA\nKey-Length: 2048\nKey-Usage: sign\nName-DN: CN=${email}\nName-Email: ${email}\n%no-protection\n`);
  const csr = execFileSync(
    'gpgsm',
    ['--homedir', home, '--batch', '--armor', '--pinentry-mode', 'loopback', '--passphrase', '', '--gen-key', params],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  writeFileSync(path.join(home, 'req.pem'), csr);
  const fulcioExt = fulcio
    ? `1.3.6.1.4.1.57264.1.1=DER:${Buffer.from(fulcio.oidcIssuer).toString('hex')}\n1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${fulcio.oidcIssuer}\n`
    : '';
  writeFileSync(
    path.join(home, 'ext.cnf'),
    `subjectAltName=email:${email}\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning,emailProtection\nbasicConstraints=CA:FALSE\n${fulcioExt}`,
  );
  const cert = path.join(home, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      path.join(home, 'req.pem'),
      '-CA',
      authority.caFile,
      '-CAkey',
      authority.caKey,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '30',
      '-extfile',
      path.join(home, 'ext.cnf'),
    ],
    { stdio: 'ignore' },
  );
  execFileSync('gpgsm', ['--homedir', home, '--batch', '--import', authority.caFile], { stdio: 'ignore' });
  execFileSync('gpgsm', ['--homedir', home, '--batch', '--import', cert], { stdio: 'ignore' });
  const caFpr =
    execFileSync('openssl', ['x509', '-in', authority.caFile, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' })
      .split('=')[1]
      ?.trim() ?? '';
  writeFileSync(path.join(home, 'trustlist.txt'), `${caFpr} S relax\n`);
  const keyId =
    /^fpr:+([0-9A-F]{40}):/m.exec(
      execFileSync('gpgsm', ['--homedir', home, '--with-colons', '--list-secret-keys'], { encoding: 'utf8' }),
    )?.[1] ?? '';
  return { home, certFile: cert, keyId, caFile: authority.caFile, email, ca: authority };
}

/** Revokes the certificate with `openssl ca` and returns a CA file that carries the CA and its CRL. */
export function revokeCertificate(id: X509Identity & { ca: { dir: string; caFile: string; caKey: string } }): string {
  const dir = tempDir('sf-crl-');
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'crlnumber'), '01\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=d\n[d]\ndatabase=${dir}/index.txt\ncrlnumber=${dir}/crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n`,
  );
  const ca = ['-config', path.join(dir, 'ca.cnf'), '-keyfile', id.ca.caKey, '-cert', id.ca.caFile];
  execFileSync('openssl', ['ca', ...ca, '-revoke', id.certFile], { stdio: 'ignore' });
  execFileSync('openssl', ['ca', ...ca, '-gencrl', '-out', path.join(dir, 'crl.pem')], { stdio: 'ignore' });
  const bundle = path.join(dir, 'ca-with-crl.pem');
  writeFileSync(bundle, readFileSync(id.ca.caFile, 'utf8') + readFileSync(path.join(dir, 'crl.pem'), 'utf8'));
  return bundle;
}

export type Signing = { kind: 'none' } | { kind: 'gpg'; key: GpgKey } | { kind: 'ssh'; key: SshKey } | { kind: 'x509'; id: X509Identity };

export class TestRepo {
  readonly dir: string;
  constructor(dir?: string) {
    this.dir = dir ?? tempDir('sf-repo-');
    if (!dir) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'commit.gpgsign', 'false');
      this.git('config', 'tag.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  gitEnv(env: Record<string, string>, ...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Writes a file and commits it, signed as asked, with the given committer. */
  commit(
    message: string,
    signing: Signing,
    who: { name?: string; email: string; committerName?: string; committerEmail?: string; date?: string },
    file = `${message.replace(/\W+/g, '-')}.txt`,
    content = `${message}\n`,
  ): string {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), content);
    this.git('add', file);
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: who.name ?? 'Dev',
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.committerName ?? who.name ?? 'Dev',
      GIT_COMMITTER_EMAIL: who.committerEmail ?? who.email,
      ...(who.date ? { GIT_COMMITTER_DATE: who.date, GIT_AUTHOR_DATE: who.date } : {}),
    };
    const cfg: string[] = [];
    if (signing.kind === 'gpg') cfg.push('-c', `gpg.program=${signing.key.program}`, '-c', `user.signingkey=${signing.key.fingerprint}`);
    if (signing.kind === 'ssh') cfg.push('-c', 'gpg.format=ssh', '-c', `user.signingkey=${signing.key.publicKey}`);
    if (signing.kind === 'x509') {
      cfg.push('-c', 'gpg.format=x509', '-c', `user.signingkey=${signing.id.keyId}`);
      env.GNUPGHOME = signing.id.home;
    }
    execFileSync(
      'git',
      ['-C', this.dir, ...cfg, 'commit', '-q', ...(signing.kind === 'none' ? ['--no-gpg-sign'] : ['-S']), '-m', message],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return this.head();
  }

  writePolicy(yaml: string): void {
    mkdirSync(path.join(this.dir, '.github'), { recursive: true });
    writeFileSync(path.join(this.dir, '.github', 'secure-factory.yml'), yaml);
  }
}

export function tmp(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface ShortLivedCa {
  dir: string;
  caFile: string;
  caKey: string;
  config: string;
}

/** A CA valid 2019–2040 made with `openssl ca -selfsign`, able to issue certificates for any window. */
export function shortLivedCa(): ShortLivedCa {
  const dir = tempDir('sf-fulcio-');
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  const config = path.join(dir, 'ca.cnf');
  writeFileSync(
    config,
    [
      '[ca]',
      'default_ca=d',
      '[d]',
      `database=${dir}/index.txt`,
      `new_certs_dir=${dir}`,
      `serial=${dir}/serial`,
      'default_md=sha256',
      'policy=p',
      'unique_subject=no',
      '[p]',
      'commonName=optional',
      '[v3ca]',
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,keyCertSign,cRLSign',
      '',
    ].join('\n'),
  );
  const caKey = path.join(dir, 'ca.key');
  const caFile = path.join(dir, 'ca.pem');
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    path.join(dir, 'ca.csr'),
    '-subj',
    '/CN=sigstore-test/O=sigstore.dev',
  ]);
  run([
    'ca',
    '-batch',
    '-config',
    config,
    '-selfsign',
    '-keyfile',
    caKey,
    '-in',
    path.join(dir, 'ca.csr'),
    '-out',
    caFile,
    '-extensions',
    'v3ca',
    '-startdate',
    '20190101000000Z',
    '-enddate',
    '20400101000000Z',
    '-notext',
  ]);
  return { dir, caFile, caKey, config };
}

/**
 * A commit signed the way gitsign signs: a detached CMS signature ("SIGNED MESSAGE") by a
 * ten-minute certificate carrying the Fulcio OIDC issuer extensions, made with openssl (no gpgsm).
 */
export function gitsignStyleCommit(
  repo: TestRepo,
  ca: ShortLivedCa,
  o: { san: string; oidcIssuer: string; certStart: string; certEnd: string; commitTime: number; email: string; message: string },
): string {
  const dir = tempDir('sf-gitsign-');
  const ext = path.join(dir, 'leaf.cnf');
  writeFileSync(
    ext,
    [
      '[leaf]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=codeSigning',
      `subjectAltName=${o.san}`,
      `1.3.6.1.4.1.57264.1.1=DER:${Buffer.from(o.oidcIssuer).toString('hex')}`,
      `1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${o.oidcIssuer}`,
      '',
    ].join('\n'),
  );
  const key = path.join(dir, 'leaf.key');
  const cert = path.join(dir, 'leaf.pem');
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    key,
    '-out',
    path.join(dir, 'leaf.csr'),
    '-subj',
    '/CN=gitsign',
  ]);
  run([
    'ca',
    '-batch',
    '-config',
    ca.config,
    '-cert',
    ca.caFile,
    '-keyfile',
    ca.caKey,
    '-in',
    path.join(dir, 'leaf.csr'),
    '-out',
    cert,
    '-extfile',
    ext,
    '-extensions',
    'leaf',
    '-startdate',
    o.certStart,
    '-enddate',
    o.certEnd,
    '-notext',
  ]);
  writeFileSync(path.join(repo.dir, `${o.message.replace(/\W+/g, '-')}.txt`), `${o.message}\n`);
  repo.git('add', '-A');
  const tree = repo.git('write-tree').trim();
  const parent = spawnSync('git', ['-C', repo.dir, 'rev-parse', '--verify', '--quiet', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const ident = `Dev <${o.email}> ${o.commitTime} +0000`;
  const header = [`tree ${tree}`, ...(parent ? [`parent ${parent}`] : []), `author ${ident}`, `committer ${ident}`];
  const payload = `${header.join('\n')}\n\n${o.message}\n`;
  writeFileSync(path.join(dir, 'payload'), payload);
  run([
    'cms',
    '-sign',
    '-binary',
    '-in',
    path.join(dir, 'payload'),
    '-signer',
    cert,
    '-inkey',
    key,
    '-md',
    'sha256',
    '-outform',
    'DER',
    '-out',
    path.join(dir, 'sig.der'),
  ]);
  const b64 =
    readFileSync(path.join(dir, 'sig.der'))
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  const armour = ['-----BEGIN SIGNED MESSAGE-----', ...b64, '-----END SIGNED MESSAGE-----'];
  const object = `${header.join('\n')}\ngpgsig ${armour.join('\n ')}\n\n${o.message}\n`;
  const sha = execFileSync('git', ['-C', repo.dir, 'hash-object', '-t', 'commit', '-w', '--stdin'], {
    input: object,
    encoding: 'utf8',
  }).trim();
  repo.git('update-ref', 'HEAD', sha);
  return sha;
}

import {
	createCipheriv,
	createDecipheriv,
	createHash,
	createHmac,
	hkdfSync,
	randomBytes,
	timingSafeEqual
} from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	linkSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';

// The application key (SECRET_KEY): kept outside the database, so that a copy of the database
// alone can neither reverse a short code or an address (they are stored as keyed hashes) nor read
// an authenticator secret (stored encrypted). OWASP ASVS 4.0 V6.4 (secrets management).

const KEY_BYTES = 32;

/** Where the embedded default keeps a generated key: beside the database, never inside it. */
export const KEY_FILE = 'secret-key';

/** Keyed hashes start with this, so an unkeyed hash from an older version is recognised. */
export const KEYED_PREFIX = 'k1:';
/** Encrypted values start with this; authenticator secrets (base32) never contain a colon. */
export const SEALED_PREFIX = 'enc1:';

let current: { hashKey: Buffer; sealKey: Buffer; check: string } | undefined;

function derive(key: Buffer, purpose: string): Buffer {
	return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `voices ${purpose}`, KEY_BYTES));
}

/** Makes `key` the key this process hashes and encrypts with (once at start). */
export function useKey(key: Buffer): void {
	if (key.length < KEY_BYTES) throw new Error(`The application key must be ${KEY_BYTES} bytes`);
	current = {
		hashKey: derive(key, 'keyed hash'),
		sealKey: derive(key, 'sealed secret'),
		check: derive(key, 'key check').toString('base64url')
	};
}

function keys() {
	if (!current) throw new Error('The application key has not been loaded (SECRET_KEY)');
	return current;
}

/** A value that shows whether two processes or a database and a process share one key. */
export function keyCheck(): string {
	return keys().check;
}

/**
 * Reads SECRET_KEY (base64 or hex, at least 32 bytes). Without it, the key in
 * `dataDir/secret-key` is used, made on first start (readable by this user only). Several app
 * servers must be given the same SECRET_KEY: the database refuses a server with another key.
 */
export function loadKey(secret: string | undefined, dataDir: string): Buffer {
	const raw = secret?.trim();
	if (raw) {
		// Strictly hex or base64, so that a passphrase is never taken for a key.
		const hex = /^(?:[0-9a-f]{2})+$/i.test(raw);
		const key = hex ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
		const exact = hex || key.toString('base64').replace(/=+$/, '') === raw.replace(/=+$/, '');
		if (!exact || key.length < KEY_BYTES)
			throw new Error(
				`SECRET_KEY must be at least ${KEY_BYTES} random bytes, written as base64 or hex ` +
					'(for example the output of `openssl rand -base64 32`)'
			);
		return key;
	}
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, KEY_FILE);
	try {
		return readKeyFile(file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	// Written whole to a file of its own and then linked into place, so two processes starting at
	// once agree on one key and neither reads half a file.
	const draft = `${file}.${randomBytes(8).toString('hex')}`;
	const fd = openSync(draft, 'wx', 0o600);
	try {
		writeSync(fd, randomBytes(KEY_BYTES).toString('base64') + '\n');
		fsyncSync(fd); // the database is durable: the key it depends on must be too
	} finally {
		closeSync(fd);
	}
	try {
		linkSync(draft, file);
		syncFolder(dataDir);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		rmSync(draft, { force: true });
	}
	return readKeyFile(file);
}

function syncFolder(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function readKeyFile(file: string): Buffer {
	const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
	if (key.length < KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key`);
	return key;
}

/** A keyed hash (HMAC-SHA-256) of a low-entropy value: a short code or a network address. */
export function keyedHash(value: string): string {
	return upgradeHash(createHash('sha256').update(value).digest('hex'));
}

/**
 * The keyed form of an unkeyed SHA-256 hash (hex) stored by an older version: the keyed hash is
 * taken over the plain hash, so stored codes are upgraded without knowing them.
 */
export function upgradeHash(sha256Hex: string): string {
	return KEYED_PREFIX + createHmac('sha256', keys().hashKey).update(sha256Hex).digest('hex');
}

/** A secret token derived from `parts` with the key: the same parts always give the same token. */
export function derivedToken(...parts: string[]): string {
	return createHmac('sha256', keys().hashKey).update(parts.join('\u0000')).digest('base64url');
}

/** Encrypts a secret the app must read back (AES-256-GCM). */
export function seal(plain: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keys().sealKey, iv);
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return `${SEALED_PREFIX}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
}

/** Decrypts what `seal` made; a value from before encryption is returned as it is. */
export function unseal(stored: string): string {
	if (!stored.startsWith(SEALED_PREFIX)) return stored;
	const [iv, tag, body] = stored
		.slice(SEALED_PREFIX.length)
		.split('.')
		.map((p) => Buffer.from(p, 'base64url'));
	if (!iv || !tag || !body) throw new Error('A sealed secret is damaged');
	if (iv.length !== 12 || tag.length !== 16) throw new Error('A sealed secret is damaged');
	const decipher = createDecipheriv('aes-256-gcm', keys().sealKey, iv, { authTagLength: 16 });
	decipher.setAuthTag(tag);
	return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** Compares two key checks without telling by timing how much of them matched. */
export function sameCheck(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

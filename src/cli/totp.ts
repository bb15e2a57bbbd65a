// `npm run totp -- <key>`: prints the current authenticator code for a key, for trying the demo
// accounts without a phone. Real users use an authenticator app.
import { currentCode } from '../lib/server/auth/totp';

const key = process.argv[2];
if (!key || !/^[A-Z2-7]+=*$/.test(key)) {
	console.error('Usage: npm run totp -- <authenticator key (base32)>');
	process.exit(2);
}
console.log(currentCode(key));

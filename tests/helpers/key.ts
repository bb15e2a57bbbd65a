import { randomBytes } from 'node:crypto';
import { useKey } from '../../src/lib/server/keys';

// Every test file gets an application key of its own, as a started app would have; a test that
// starts the app (prepare) switches to the key of that app's data folder.
useKey(randomBytes(32));

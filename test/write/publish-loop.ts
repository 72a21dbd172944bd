/**
 * Run by random-kill.test.ts as a child process: publishes two alternating versions into the folder
 * named on the command line, one correction after another, until it is killed.
 */
import { publishVersion } from '../../src/write/publish.ts';
import { options, version } from './helpers.ts';

const dir = process.argv[2]!;
process.stdout.write('ready\n');
for (let n = 0; ; n++) publishVersion(dir, version((n % 2) + 1), options((n % 2) + 1));

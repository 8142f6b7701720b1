// Benchmark probe "start-up" (I/O: loads model and index like `npm start`): prints ms from process start to
// ready (index loaded, model warm) and RSS, as JSON.
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';

const runtime = await Runtime.create(loadConfig(), createLogger('error'));
await runtime.open();
const advisor = runtime.advisor();
await advisor.ask('How much do machine learning engineers make?');
process.stdout.write(`${JSON.stringify({ readyMs: performance.now(), rssMiB: process.memoryUsage().rss / 1048576, mode: advisor.status().mode })}\n`);

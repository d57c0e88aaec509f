// Command-line options for the scripts: parsed with node's parseArgs, a usage
// line on --help, and exit code 2 with the usage on anything it refuses.
import { parseArgs } from 'node:util';

export function cliOptions(usage, options) {
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return values;
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
}

/** A TCP port from an option, within [min, 65535]. */
export function portOption(value, usage, min) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < min || port > 65535) {
    console.error(`--port must be a number between ${min} and 65535, not "${value}"\n${usage}`);
    process.exit(2);
  }
  return port;
}

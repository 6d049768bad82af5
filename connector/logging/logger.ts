/**
 * Loggers for the two ways the connector runs. Airbyte commands log as
 * Airbyte LOG messages on stdout, so stdout stays valid protocol; `sync`
 * logs JSON lines with a `severity` field (Cloud Logging) on stderr, or
 * readable lines when stderr is a terminal.
 */
import { Writable } from 'node:stream';

import winston from 'winston';

import type { LogLevel, MessageSink } from '../protocol/messages.js';

export type Logger = winston.Logger;

const AIRBYTE_LEVELS: Record<string, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
};

export interface LoggerOptions {
  /** Log debug lines too. */
  verbose?: boolean;
}

/** A logger whose lines become Airbyte LOG messages through `sink`. */
export function airbyteLogger(
  sink: MessageSink,
  options: LoggerOptions = {},
): Logger {
  const stream = new Writable({
    objectMode: true,
    write(info: winston.Logform.TransformableInfo, _encoding, done) {
      const { level, message, ...fields } = info;
      const extra = plainFields(fields);
      sink({
        type: 'LOG',
        log: {
          level: AIRBYTE_LEVELS[String(level)] ?? 'INFO',
          message: extra ? `${String(message)} ${extra}` : String(message),
        },
      });
      done();
    },
  });
  return winston.createLogger({
    level: options.verbose ? 'debug' : 'info',
    transports: [new winston.transports.Stream({ stream })],
  });
}

/**
 * A logger for `sync` and the tools, on stderr: JSON lines for Cloud
 * Logging, or readable lines on a terminal. LOG_FORMAT=json|text decides
 * when set.
 */
export function operatorLogger(
  options: LoggerOptions & { json?: boolean } = {},
): Logger {
  const requested = process.env.LOG_FORMAT;
  const json = options.json ??
    (requested ? requested !== 'text' : !process.stderr.isTTY);
  const format = json
    ? winston.format.combine(
        winston.format((info) => {
          info.severity = String(info.level).toUpperCase();
          return info;
        })(),
        winston.format.timestamp(),
        winston.format.json(),
      )
    : winston.format.printf(({ level, message, ...fields }) => {
        const extra = plainFields(fields);
        return `${level.padEnd(5)} ${String(message)}${extra ? ` ${extra}` : ''}`;
      });
  return winston.createLogger({
    level: options.verbose ? 'debug' : 'info',
    format,
    transports: [
      new winston.transports.Stream({ stream: process.stderr }),
    ],
  });
}

function plainFields(fields: Record<string | symbol, unknown>): string {
  const entries = Object.entries(fields).filter(
    ([key]) => typeof key === 'string' && key !== 'splat',
  );
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : '';
}

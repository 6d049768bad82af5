/**
 * Builds the BigQuery client for real BigQuery or the local emulator.
 */
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';

/** Token sent to the emulator, which accepts any bearer token. */
export const EMULATOR_TOKEN = 'local-emulator-token';

export interface BigQueryTarget {
  projectId: string;
  /** Dataset location, for example `US` or `EU`. */
  location: string;
}

/**
 * A client for `target`. When BIGQUERY_EMULATOR_HOST is set (for example
 * `http://127.0.0.1:9050/bigquery/v2`) the client talks only to that
 * address, with a static token, and never looks for Google credentials or
 * a metadata server. Otherwise it uses Application Default Credentials.
 */
export function createBigQueryClient(
  target: BigQueryTarget,
  env: NodeJS.ProcessEnv = process.env,
): BigQuery {
  const emulatorHost = env.BIGQUERY_EMULATOR_HOST;
  if (!emulatorHost) {
    return new BigQuery({
      projectId: target.projectId,
      location: target.location,
    });
  }

  const url = parseEmulatorHost(emulatorHost);
  // google-auth-library would otherwise probe the metadata server when it
  // looks for a project id; the static token below means it never has to.
  process.env.METADATA_SERVER_DETECTION = 'none';
  return new BigQuery({
    projectId: target.projectId,
    location: target.location,
    // Uploads (load jobs) go to `${apiEndpoint}/upload/bigquery/v2`, so the
    // endpoint is the origin; REST calls use BIGQUERY_EMULATOR_HOST itself.
    apiEndpoint: url.origin,
    authClient: staticTokenClient(),
  });
}

// An OAuth2 client holding a token that never expires: it signs every
// request without reaching any token or metadata endpoint.
function staticTokenClient(): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({
    access_token: EMULATOR_TOKEN,
    expiry_date: Number.MAX_SAFE_INTEGER,
  });
  return client;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Checks that BIGQUERY_EMULATOR_HOST is an http(s) URL on loopback. */
export function parseEmulatorHost(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `BIGQUERY_EMULATOR_HOST is not a URL: "${value}". Set it to the ` +
        "emulator's REST base, for example http://127.0.0.1:9050/bigquery/v2",
    );
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    throw new Error(
      `BIGQUERY_EMULATOR_HOST must start with http:// or https://, got "${value}"`,
    );
  }
  // The emulator's static token is no credential; it must not leave the
  // machine, and neither may the data.
  if (!LOOPBACK_HOSTS.test(url.hostname)) {
    throw new Error(`BIGQUERY_EMULATOR_HOST must point at this machine ` +
      `(127.0.0.1, localhost or [::1]), got "${url.hostname}"; unset it to ` +
      'use real BigQuery');
  }
  return url;
}

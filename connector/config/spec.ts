/**
 * The connector's configuration: one JSON Schema (served by `spec`), one
 * TypeScript type with the same keys, and the defaults, all here.
 */

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

/** Defaults for every optional setting. */
export const DEFAULTS = {
  hubspot_base_url: HUBSPOT_API_BASE_URL,
  bigquery_location: 'US',
  raw_dataset: 'hubspot_raw',
  page_size: 100,
  search_page_size: 200,
  association_batch_size: 1000,
  load_batch_rows: 50_000,
  requests_per_ten_seconds: 100,
  max_attempts: 6,
  search_settle_minutes: 5,
  associations_full_read_days: 7,
  company_properties: [] as string[],
  deal_properties: [] as string[],
} as const;

/** Validated configuration, after environment variables are applied. */
export interface ConnectorConfig {
  /** Private app access token; normally from HUBSPOT_ACCESS_TOKEN. */
  access_token: string;
  /** HubSpot API base URL; HUBSPOT_BASE_URL overrides it. */
  hubspot_base_url: string;
  /** BigQuery project for `sync`; BIGQUERY_PROJECT overrides it. */
  bigquery_project?: string;
  /** BigQuery location; BIGQUERY_LOCATION overrides it. */
  bigquery_location: string;
  /** Dataset for raw tables; BIGQUERY_RAW_DATASET overrides it. */
  raw_dataset: string;
  /** Records per list page (HubSpot allows at most 100). */
  page_size: number;
  /** Records per search page (HubSpot allows at most 200). */
  search_page_size: number;
  /** Deals per v4 association batch read (at most 1,000). */
  association_batch_size: number;
  /** Rows per BigQuery load job; a stream with more uses several jobs. */
  load_batch_rows: number;
  /** Client-side request budget per rolling 10 seconds. */
  requests_per_ten_seconds: number;
  /** Attempts per request on 429 and 5xx, the first included. */
  max_attempts: number;
  /**
   * Changes younger than this many minutes at sync start are read again
   * next time, because HubSpot's search index lags behind writes.
   */
  search_settle_minutes: number;
  /**
   * Every this many days the association stream reads all deals' companies,
   * not only those of changed deals; 0 never does.
   */
  associations_full_read_days: number;
  /** Company properties to read besides the built-in set. */
  company_properties: string[];
  /** Deal properties to read besides the built-in set. */
  deal_properties: string[];
}

/** Environment variables that override the config file. */
export const ENV_OVERRIDES = {
  HUBSPOT_ACCESS_TOKEN: 'access_token',
  HUBSPOT_BASE_URL: 'hubspot_base_url',
  BIGQUERY_PROJECT: 'bigquery_project',
  BIGQUERY_LOCATION: 'bigquery_location',
  BIGQUERY_RAW_DATASET: 'raw_dataset',
} as const satisfies Record<string, keyof ConnectorConfig>;

const PROPERTY_NAME = { type: 'string', pattern: '^[a-z0-9_]{1,100}$' };

/** JSON Schema of the config, as `spec` returns it. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'HubSpot source',
  type: 'object',
  additionalProperties: false,
  required: ['access_token'],
  properties: {
    access_token: {
      type: 'string',
      minLength: 1,
      maxLength: 4096,
      // One printable header value: no spaces, quotes or line breaks.
      pattern: '^[\\x21\\x23-\\x7e]+$',
      title: 'Private app access token',
      description: 'Normally set through HUBSPOT_ACCESS_TOKEN.',
      airbyte_secret: true,
    },
    hubspot_base_url: {
      type: 'string',
      pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
      description: 'HubSpot API base URL (HUBSPOT_BASE_URL).',
      default: DEFAULTS.hubspot_base_url,
    },
    bigquery_project: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{4,61}[a-z0-9]$',
      description: 'Project for raw tables and sync state (BIGQUERY_PROJECT).',
    },
    bigquery_location: {
      type: 'string',
      minLength: 2,
      description: 'BigQuery location, e.g. US or EU (BIGQUERY_LOCATION).',
      default: DEFAULTS.bigquery_location,
    },
    raw_dataset: {
      type: 'string',
      pattern: '^[A-Za-z0-9_]{1,1024}$',
      description: 'Dataset for raw tables (BIGQUERY_RAW_DATASET).',
      default: DEFAULTS.raw_dataset,
    },
    page_size: intSetting(1, 100, DEFAULTS.page_size, 'Records per list page.'),
    search_page_size: intSetting(1, 200, DEFAULTS.search_page_size,
      'Records per search page.'),
    association_batch_size: intSetting(1, 1000,
      DEFAULTS.association_batch_size, 'Deals per association batch read.'),
    load_batch_rows: intSetting(1, 10_000_000, DEFAULTS.load_batch_rows,
      'Rows per BigQuery load job.'),
    requests_per_ten_seconds: intSetting(1, 1000,
      DEFAULTS.requests_per_ten_seconds,
      'Client-side request budget per 10 seconds.'),
    max_attempts: intSetting(1, 20, DEFAULTS.max_attempts,
      'Attempts per request on 429 and 5xx.'),
    search_settle_minutes: intSetting(0, 1440, DEFAULTS.search_settle_minutes,
      'Minutes to allow for HubSpot search indexing lag.'),
    associations_full_read_days: intSetting(0, 365,
      DEFAULTS.associations_full_read_days,
      'Days between full reads of deal associations (0: never).'),
    company_properties: {
      type: 'array',
      items: PROPERTY_NAME,
      uniqueItems: true,
      maxItems: 200,
      default: DEFAULTS.company_properties,
      description: 'Extra company properties to read.',
    },
    deal_properties: {
      type: 'array',
      items: PROPERTY_NAME,
      uniqueItems: true,
      maxItems: 200,
      default: DEFAULTS.deal_properties,
      description: 'Extra deal properties to read.',
    },
  },
} as const;

function intSetting(
  minimum: number,
  maximum: number,
  defaultValue: number,
  description: string,
) {
  return { type: 'integer', minimum, maximum, default: defaultValue, description };
}

/**
 * The contract with the connector: where the raw tables live and what
 * their shared columns mean. Every raw table is append-only; each sync
 * appends new versions of the records it read.
 */

/** Dataset used when the `raw_dataset` var is not set. */
const DEFAULT_RAW_DATASET = "hubspot_raw";

/** Descriptions of the columns every raw table has. */
const RAW_COLUMN_DESCRIPTIONS = {
  id: "HubSpot id of the record (deal, company, pipeline or portal).",
  updated_at:
    "HubSpot's updatedAt of this version; for associations and account " +
    "details, the extraction time.",
  archived: "True when HubSpot listed the record as archived (deleted).",
  properties:
    "The record's HubSpot properties as JSON; values are strings or null.",
  associations:
    "For deal_company_associations: the deal's complete list of " +
    "associated companies at extraction time. Null elsewhere.",
  _extracted_at: "When the connector read this version from HubSpot.",
  _sync_id: "Id of the connector sync that appended this row.",
};

/**
 * The dataset the connector writes to: the `raw_dataset` var, or
 * DEFAULT_RAW_DATASET when the var is unset or empty.
 */
function rawDataset() {
  return dataform.projectConfig.vars.raw_dataset || DEFAULT_RAW_DATASET;
}

module.exports = {
  DEFAULT_RAW_DATASET,
  RAW_COLUMN_DESCRIPTIONS,
  rawDataset,
};

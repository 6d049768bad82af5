/**
 * Constants and small SQL helpers shared by the revenue models. The SQL
 * itself stays in the SQLX files; these only name the values and keep
 * places that must agree (month bucketing, amount parsing, the close-date
 * window) identical.
 */

/** HubSpot-defined association type id of a deal's primary company. */
const PRIMARY_COMPANY_TYPE_ID = 5;

/** Customer id given to won deals that have no associated company. */
const UNASSIGNED_CUSTOMER_ID = "unassigned";

/** Customer name given to won deals that have no associated company. */
const UNASSIGNED_CUSTOMER_NAME = "(no company)";

/**
 * The window a deal's closedate must fall in to be taken as a close date:
 * from PLAUSIBLE_CLOSED_AT_FROM (inclusive) to PLAUSIBLE_CLOSED_AT_UNTIL
 * (exclusive), both UTC, written as BigQuery timestamp literals. Values
 * outside it are placeholders ("9999-12-31T23:59:59Z", "0001-01-01") or
 * misread numbers ("0", epoch seconds read as milliseconds), not dates a
 * deal closed on. Staging keeps no instant for them, so no model draws a
 * month from one; both ends are far from the limits of BigQuery's DATE
 * range in every time zone.
 */
const PLAUSIBLE_CLOSED_AT_FROM = "1990-01-01 00:00:00+00";

/** The end of the plausible close-date window (exclusive); see above. */
const PLAUSIBLE_CLOSED_AT_UNTIL = "2100-01-01 00:00:00+00";

/**
 * Why a closed-won deal is left out of revenue, checked in this order;
 * each deal gets the first reason that applies.
 */
const REJECTION_REASONS = {
  /** `closedate` is unset or reads as no instant at all. */
  missingCloseDate: "missing_close_date",
  /**
   * `closedate` reads as an instant outside the plausible window
   * (PLAUSIBLE_CLOSED_AT_FROM to PLAUSIBLE_CLOSED_AT_UNTIL).
   */
  implausibleCloseDate: "implausible_close_date",
  /** `amount` is null or blank and there is no usable home amount. */
  missingAmount: "missing_amount",
  /** `amount` is text that is not a number ("N/A", "1,234.50"). */
  invalidAmount: "invalid_amount",
  /** The deal is in another currency and has no usable home amount. */
  missingHomeCurrencyAmount: "missing_home_currency_amount",
  /** The amount in company currency is below zero. */
  negativeAmount: "negative_amount",
};

/**
 * SQL for a HubSpot number held in a string: NUMERIC, or NULL when the
 * string is blank or not a number. Thousands separators are not accepted.
 */
function safeNumeric(stringSql) {
  return `safe_cast(nullif(trim(${stringSql}), '') as numeric)`;
}

/**
 * SQL for the revenue month of an instant: the first day of its month in
 * the given IANA time zone (the portal's).
 */
function revenueMonth(timestampSql, timeZoneSql) {
  return `date_trunc(date(${timestampSql}, ${timeZoneSql}), month)`;
}

/** SQL list of the rejection reason codes, for `in (...)` checks. */
function rejectionReasonList() {
  return Object.values(REJECTION_REASONS)
    .map((reason) => `'${reason}'`)
    .join(", ");
}

module.exports = {
  PRIMARY_COMPANY_TYPE_ID,
  UNASSIGNED_CUSTOMER_ID,
  UNASSIGNED_CUSTOMER_NAME,
  PLAUSIBLE_CLOSED_AT_FROM,
  PLAUSIBLE_CLOSED_AT_UNTIL,
  REJECTION_REASONS,
  safeNumeric,
  revenueMonth,
  rejectionReasonList,
};

/**
 * Constants and small SQL helpers shared by the revenue models. The SQL
 * itself stays in the SQLX files; these only name the values and keep two
 * places that must agree (month bucketing, amount parsing) identical.
 */

/** HubSpot-defined association type id of a deal's primary company. */
const PRIMARY_COMPANY_TYPE_ID = 5;

/** Customer id given to won deals that have no associated company. */
const UNASSIGNED_CUSTOMER_ID = "unassigned";

/** Customer name given to won deals that have no associated company. */
const UNASSIGNED_CUSTOMER_NAME = "(no company)";

/**
 * Why a closed-won deal is left out of revenue, checked in this order;
 * each deal gets the first reason that applies.
 */
const REJECTION_REASONS = {
  /** `closedate` is unset or not a timestamp. */
  missingCloseDate: "missing_close_date",
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
  REJECTION_REASONS,
  safeNumeric,
  revenueMonth,
  rejectionReasonList,
};

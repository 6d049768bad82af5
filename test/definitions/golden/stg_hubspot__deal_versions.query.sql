with

-- every deal row the connector appended
raw_deals as (
  select
    id,
    archived,
    properties,
    updated_at,
    _extracted_at,
    _sync_id
  from `local-project.hubspot_raw.deals`
),

-- drop rows loaded twice for the same version and extraction
distinct_versions as (
  select
    *
  from raw_deals
  qualify row_number() over (
    partition by id, updated_at, _extracted_at
    order by _sync_id
  ) = 1
),

-- name and type the properties the models use
typed as (
  select
    id as deal_id,
    json_value(properties, '$.dealname') as deal_name,
    json_value(properties, '$.pipeline') as pipeline_id,
    json_value(properties, '$.dealstage') as deal_stage_id,
    coalesce(
      lower(json_value(properties, '$.hs_is_closed')) = 'true',
      false
    ) as is_closed,
    coalesce(
      lower(json_value(properties, '$.hs_is_closed_won')) = 'true',
      false
    ) as is_closed_won,
    json_value(properties, '$.closedate') as closed_at_raw,
    coalesce(
      safe_cast(trim(json_value(properties, '$.closedate')) as timestamp),
      safe.timestamp_millis(
        safe_cast(trim(json_value(properties, '$.closedate')) as int64)
      )
    ) as parsed_closed_at,
    json_value(properties, '$.amount') as amount_raw,
    safe_cast(nullif(trim(json_value(properties, '$.amount')), '') as numeric) as amount,
    upper(
      nullif(trim(json_value(properties, '$.deal_currency_code')), '')
    ) as deal_currency_code,
    json_value(properties, '$.amount_in_home_currency')
      as amount_in_home_currency_raw,
    safe_cast(nullif(trim(json_value(properties, '$.amount_in_home_currency')), '') as numeric)
      as amount_in_home_currency,
    coalesce(archived, false) as is_archived,
    updated_at,
    _extracted_at,
    _sync_id
  from distinct_versions
),

-- flag close dates outside the plausible window (placeholders such as
-- 9999-12-31, epoch seconds read as milliseconds): no month may be drawn
-- from them, and some have none in the portal's time zone
close_dates_checked as (
  select
    *,
    coalesce(
      parsed_closed_at < timestamp '1990-01-01 00:00:00+00'
        or parsed_closed_at >= timestamp '2100-01-01 00:00:00+00',
      false
    ) as has_implausible_close_date
  from typed
),

final as (
  select
    deal_id,
    deal_name,
    pipeline_id,
    deal_stage_id,
    is_closed,
    is_closed_won,
    if(has_implausible_close_date, null, parsed_closed_at) as closed_at,
    closed_at_raw,
    has_implausible_close_date,
    amount_raw,
    amount,
    deal_currency_code,
    amount_in_home_currency_raw,
    amount_in_home_currency,
    is_archived,
    updated_at,
    _extracted_at,
    _sync_id
  from close_dates_checked
)

select * from final

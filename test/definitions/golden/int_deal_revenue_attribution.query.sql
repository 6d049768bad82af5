with

-- latest version of every deal
deals as (
  select
    *
  from `local-project.hubspot_staging.stg_hubspot__deals`
),

-- each deal's current companies, one row per company
deal_companies as (
  select
    deal_id,
    company_id,
    is_primary
  from `local-project.hubspot_staging.stg_hubspot__deal_company_associations`
),

-- latest version of every company, for its name
companies as (
  select
    company_id,
    company_name
  from `local-project.hubspot_staging.stg_hubspot__companies`
),

-- the portal's time zone and company currency (one portal, asserted)
portal as (
  select
    time_zone,
    company_currency
  from `local-project.hubspot_staging.stg_hubspot__account_details`
),

-- newest raw extraction this build reads; the mart's incremental runs
-- compare raw rows against it
source_extractions as (
  select
    max(_extracted_at) as _source_watermark
  from (
    select _extracted_at from `local-project.hubspot_raw.deals`
    union all
    select _extracted_at from `local-project.hubspot_raw.deal_company_associations`
    union all
    select _extracted_at from `local-project.hubspot_raw.companies`
    union all
    select _extracted_at from `local-project.hubspot_raw.account_details`
  )
),

-- closed-won deals that are not archived; hs_is_closed_won covers custom
-- pipelines, whose won stage ids differ per portal
won_deals as (
  select
    deal_id,
    deal_name,
    closed_at,
    closed_at_raw,
    has_implausible_close_date,
    amount_raw,
    amount,
    deal_currency_code,
    amount_in_home_currency_raw,
    amount_in_home_currency
  from deals
  where is_closed_won
    and not is_archived
),

-- rank each deal's companies: the primary first, then lowest numeric id
ranked_companies as (
  select
    deal_id,
    company_id,
    row_number() over (
      partition by deal_id
      order by
        is_primary desc,
        safe_cast(company_id as int64) asc nulls last,
        company_id asc
    ) as company_rank
  from deal_companies
),

-- the one company each deal counts for
deal_customers as (
  select
    deal_id,
    company_id
  from ranked_companies
  where company_rank = 1
),

-- customer, month and currency of each won deal
attributed as (
  select
    won_deals.deal_id,
    won_deals.deal_name,
    coalesce(
      deal_customers.company_id,
      'unassigned'
    ) as customer_id,
    if(
      deal_customers.company_id is null,
      '(no company)',
      companies.company_name
    ) as customer_name,
    won_deals.closed_at,
    won_deals.closed_at_raw,
    won_deals.has_implausible_close_date,
    date_trunc(date(won_deals.closed_at, portal.time_zone), month)
      as revenue_month,
    portal.company_currency as currency,
    portal.time_zone,
    won_deals.amount_raw,
    won_deals.amount,
    won_deals.deal_currency_code,
    won_deals.amount_in_home_currency_raw,
    won_deals.amount_in_home_currency,
    -- a deal without a currency code is in the company currency
    coalesce(won_deals.deal_currency_code, portal.company_currency)
      = portal.company_currency as is_in_company_currency
  from won_deals
  cross join portal
  left join deal_customers
    on deal_customers.deal_id = won_deals.deal_id
  left join companies
    on companies.company_id = deal_customers.company_id
),

-- the amount in company currency: HubSpot's home amount (frozen at close),
-- else the amount itself when it is already in company currency
valued as (
  select
    *,
    case
      when amount_in_home_currency is not null
        then amount_in_home_currency
      when is_in_company_currency
        then amount
    end as amount_in_company_currency
  from attributed
),

-- the first reason, if any, that keeps a deal out of revenue
checked as (
  select
    *,
    case
      when closed_at is null
        and not has_implausible_close_date
        then 'missing_close_date'
      when has_implausible_close_date
        then 'implausible_close_date'
      when amount_in_company_currency is null
        and coalesce(trim(amount_raw), '') = ''
        then 'missing_amount'
      when amount_in_company_currency is null
        and amount is null
        then 'invalid_amount'
      when amount_in_company_currency is null
        then 'missing_home_currency_amount'
      when amount_in_company_currency < 0
        then 'negative_amount'
    end as rejection_reason
  from valued
),

final as (
  select
    checked.deal_id,
    checked.deal_name,
    checked.customer_id,
    checked.customer_name,
    checked.closed_at,
    checked.closed_at_raw,
    checked.revenue_month,
    checked.currency,
    checked.time_zone,
    if(
      checked.rejection_reason is null,
      checked.amount_in_company_currency,
      null
    ) as revenue,
    case
      when checked.rejection_reason is not null then null
      when checked.amount_in_home_currency is not null
        then 'amount_in_home_currency'
      else 'amount'
    end as revenue_source,
    checked.rejection_reason,
    checked.amount_raw,
    checked.deal_currency_code,
    checked.amount_in_home_currency_raw,
    source_extractions._source_watermark
  from checked
  cross join source_extractions
)

select * from final

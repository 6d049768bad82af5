declare revenue_months_to_rebuild array<date> default (
    with

    -- the newest raw extraction this table already reflects
    watermark as (
      select
        coalesce(
          max(_source_watermark),
          timestamp '1970-01-01 00:00:00+00'
        ) as extracted_at
      from `local-project.hubspot_revenue.customer_monthly_revenue`
    ),

    -- the portal's time zone and currency now
    portal as (
      select
        time_zone,
        company_currency
      from `local-project.hubspot_staging.stg_hubspot__account_details`
    ),

    -- deals with a new version or association snapshot since the watermark
    changed_deals as (
      select
        deals.id as deal_id
      from `local-project.hubspot_raw.deals` as deals
      cross join watermark
      where deals._extracted_at >= watermark.extracted_at
      union distinct
      select
        snapshots.id as deal_id
      from `local-project.hubspot_raw.deal_company_associations` as snapshots
      cross join watermark
      where snapshots._extracted_at >= watermark.extracted_at
    ),

    -- companies with a new version since the watermark
    changed_companies as (
      select distinct
        companies.id as company_id
      from `local-project.hubspot_raw.companies` as companies
      cross join watermark
      where companies._extracted_at >= watermark.extracted_at
    ),

    -- whether any month here was drawn in another time zone or currency
    settings_changes as (
      select
        count(*) > 0 as has_changed
      from `local-project.hubspot_revenue.customer_monthly_revenue` as months
      cross join portal
      where months.time_zone != portal.time_zone
        or months.currency != portal.company_currency
    ),

    -- the months those changes can touch
    affected_months as (
      -- every month any version of a changed deal closed in; versions
      -- with an implausible close date have no closed_at, hence no month
      select
        date_trunc(date(versions.closed_at, portal.time_zone), month)
          as revenue_month
      from `local-project.hubspot_staging.stg_hubspot__deal_versions` as versions
      inner join changed_deals
        on changed_deals.deal_id = versions.deal_id
      cross join portal
      union distinct
      -- every month a changed company was or is a customer in
      select
        revenue_month
      from `local-project.hubspot_revenue.customer_monthly_revenue`
      where customer_id in (select company_id from changed_companies)
      union distinct
      select
        revenue_month
      from `local-project.hubspot_intermediate.int_deal_revenue_attribution`
      where customer_id in (select company_id from changed_companies)
      union distinct
      -- every month, after a change of time zone or currency
      select
        revenue_month
      from `local-project.hubspot_revenue.customer_monthly_revenue`
      where (select has_changed from settings_changes)
      union distinct
      select
        revenue_month
      from `local-project.hubspot_intermediate.int_deal_revenue_attribution`
      where (select has_changed from settings_changes)
    )

    select
      array_agg(revenue_month)
    from affected_months
    where revenue_month is not null
  );

  begin transaction;

  delete from `local-project.hubspot_revenue.customer_monthly_revenue`
  where revenue_month in unnest(revenue_months_to_rebuild)

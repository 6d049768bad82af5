with

-- the deals that count, one row per deal
deal_revenue as (
  select
    customer_id,
    customer_name,
    revenue_month,
    currency,
    time_zone,
    revenue,
    _source_watermark
  from `local-project.hubspot_intermediate.int_deal_revenue_attribution`
  where rejection_reason is null
  and revenue_month in unnest(revenue_months_to_rebuild)
),

-- sum them per customer and month
monthly_revenue as (
  select
    customer_id,
    customer_name,
    revenue_month,
    currency,
    time_zone,
    sum(revenue) as revenue,
    count(*) as deals_won,
    max(_source_watermark) as _source_watermark
  from deal_revenue
  group by
    customer_id,
    customer_name,
    revenue_month,
    currency,
    time_zone
),

final as (
  select
    customer_id,
    customer_name,
    revenue_month,
    currency,
    time_zone,
    revenue,
    deals_won,
    _source_watermark
  from monthly_revenue
)

select * from final

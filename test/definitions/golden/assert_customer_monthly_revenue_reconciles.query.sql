with

-- what the mart says
mart as (
  select
    customer_id,
    revenue_month,
    currency,
    revenue,
    deals_won
  from `local-project.hubspot_revenue.customer_monthly_revenue`
),

-- what the attributed deals add up to
deal_totals as (
  select
    customer_id,
    revenue_month,
    currency,
    sum(revenue) as revenue,
    count(*) as deals_won
  from `local-project.hubspot_intermediate.int_deal_revenue_attribution`
  where rejection_reason is null
  group by
    customer_id,
    revenue_month,
    currency
),

-- both side by side, keeping rows only one side has
compared as (
  select
    coalesce(mart.customer_id, deal_totals.customer_id) as customer_id,
    coalesce(mart.revenue_month, deal_totals.revenue_month) as revenue_month,
    coalesce(mart.currency, deal_totals.currency) as currency,
    mart.revenue as mart_revenue,
    deal_totals.revenue as deal_revenue,
    mart.deals_won as mart_deals_won,
    deal_totals.deals_won as deal_count
  from mart
  full outer join deal_totals
    on deal_totals.customer_id = mart.customer_id
    and deal_totals.revenue_month = mart.revenue_month
    and deal_totals.currency = mart.currency
),

final as (
  select
    *
  from compared
  where mart_revenue is distinct from deal_revenue
    or mart_deals_won is distinct from deal_count
)

select * from final

with

-- every association snapshot the connector appended, one per deal per sync
raw_snapshots as (
  select
    id,
    associations,
    updated_at,
    _extracted_at,
    _sync_id
  from `local-project.hubspot_raw.deal_company_associations`
),

-- keep each deal's newest snapshot: it lists all of the deal's companies
latest_snapshots as (
  select
    *
  from raw_snapshots
  qualify row_number() over (
    partition by id
    order by _extracted_at desc, updated_at desc
  ) = 1
),

-- one row per listed company and association type
association_types as (
  select
    snapshots.id as deal_id,
    json_value(company, '$.toObjectId') as company_id,
    json_value(association_type, '$.category') as category,
    safe_cast(json_value(association_type, '$.typeId') as int64) as type_id,
    snapshots._extracted_at,
    snapshots._sync_id
  from latest_snapshots as snapshots
  cross join unnest(json_query_array(snapshots.associations)) as company
  left join unnest(json_query_array(company, '$.associationTypes'))
    as association_type
),

-- one row per deal and company; HubSpot may list a company once per type
links as (
  select
    deal_id,
    company_id,
    coalesce(
      logical_or(
        category = 'HUBSPOT_DEFINED'
        and type_id = 5
      ),
      false
    ) as is_primary,
    max(_extracted_at) as _extracted_at,
    max(_sync_id) as _sync_id
  from association_types
  where company_id is not null
  group by
    deal_id,
    company_id
),

final as (
  select
    deal_id,
    company_id,
    is_primary,
    _extracted_at,
    _sync_id
  from links
)

select * from final

-- Target status: every plan target in every year from the first to the last year any indicator
-- has a value, with a status and the reason in Chinese and English.
-- status: met / not_met (a complete year), provisional (a year the inputs do not cover to
-- 31 December), no_input (no file for any of the target's input tables), no_data (inputs given,
-- but no value that year). The reason texts come from table status_texts (templates with {…}
-- placeholders, written by the build from qdtransport.i18n; a domain's own wording of a reason
-- replaces the shared one for its indicators); indicator_catalog and
-- indicator_months are written by the build from the registered indicators.
create or replace view target_status as
with indicator_rows as materialized (
    -- every indicator view computed once, however often the steps below read it
    select indicator_id, year, value, complete from indicator_values
),

year_span as (
    select min(year) as first_year, max(year) as last_year from indicator_rows
),

years as (
    select unnest(range(first_year, last_year + 1)) as year
    from year_span
    where first_year is not null
),

input_files as (
    -- one row per indicator and input table: files given, rows read and loaded
    select
        inputs.indicator_id,
        inputs.table_name,
        count(load_manifest.source_file) as files,
        coalesce(sum(load_manifest.rows_read), 0) as rows_read,
        coalesce(sum(load_manifest.rows_loaded), 0) as rows_loaded,
    from (
        select indicator_id, unnest(input_tables) as table_name from indicator_catalog
    ) as inputs
    left join load_manifest on load_manifest.table_name = inputs.table_name
    group by inputs.indicator_id, inputs.table_name
),

input_summary as (
    select
        indicator_id,
        count(*) filter (where files > 0) as tables_given,
        string_agg(table_name, ', ' order by table_name) as tables_all,
        string_agg(table_name, ', ' order by table_name) filter (where files = 0) as tables_absent,
        string_agg(table_name || ' (' || rows_read || ')', ', ' order by table_name)
            filter (where files > 0 and rows_loaded = 0) as tables_all_rejected,
        min(table_name) filter (where files = 0) as example_table,
    from input_files
    group by indicator_id
),

series as (
    select indicator_id, min(year) as first_year, max(year) as last_year
    from indicator_rows
    group by indicator_id
),

absent_months as (
    -- months of a year not complete that the indicator's months view does not list
    select
        incomplete.indicator_id,
        incomplete.year,
        unnest(range(1, 13)) as month_number,
    from indicator_rows as incomplete
    join indicator_catalog using (indicator_id)
    where not incomplete.complete and indicator_catalog.months_view is not null
),

missing_months as (
    select absent_months.indicator_id, absent_months.year, absent_months.month_number
    from absent_months
    anti join indicator_months
        on indicator_months.indicator_id = absent_months.indicator_id
        and indicator_months.month = make_date(absent_months.year, absent_months.month_number, 1)
),

month_runs as (
    -- consecutive missing months form one run: 10, 11, 12 -> 10–12
    select indicator_id, year, min(month_number) as run_first, max(month_number) as run_last
    from (
        select
            *,
            month_number - row_number() over (partition by indicator_id, year order by month_number) as run,
        from missing_months
    )
    group by indicator_id, year, run
),

month_lists as (
    select
        indicator_id,
        year,
        string_agg(
            case when run_first = run_last then run_first::varchar else run_first || '–' || run_last end,
            ', ' order by run_first
        ) as months,
    from month_runs
    group by indicator_id, year
),

grid as (
    select
        targets.indicator_id,
        years.year,
        targets.unit,
        targets.comparator,
        targets.target_value,
        indicator_rows.value,
        indicator_rows.complete,
        case targets.comparator
            when '>=' then indicator_rows.value >= targets.target_value
            when '>' then indicator_rows.value > targets.target_value
        end as met,
        coalesce(input_summary.tables_given, 0) as tables_given,
        coalesce(input_summary.tables_all, '') as tables_all,
        input_summary.tables_absent,
        input_summary.tables_all_rejected,
        input_summary.example_table,
        series.first_year,
        series.last_year,
        month_lists.months,
    from targets
    cross join years
    left join indicator_rows
        on indicator_rows.indicator_id = targets.indicator_id and indicator_rows.year = years.year
    left join input_summary on input_summary.indicator_id = targets.indicator_id
    left join series on series.indicator_id = targets.indicator_id
    left join month_lists
        on month_lists.indicator_id = targets.indicator_id and month_lists.year = years.year
),

classified as (
    select
        *,
        case
            when value is not null and not complete then 'provisional'
            when value is not null and met then 'met'
            when value is not null then 'not_met'
            when tables_given = 0 then 'no_input'
            else 'no_data'
        end as status,
        case
            when value is not null and not complete and months is not null then 'provisional'
            when value is not null and not complete then 'provisional_partial'
            when value is not null and met then 'met'
            when value is not null then 'not_met'
            when tables_given = 0 then 'no_input'
            when first_year is null and tables_all_rejected is not null then 'no_data_all_rejected'
            when first_year is null and tables_absent is not null then 'no_data_input_absent'
            when first_year is null then 'no_data_no_values'
            when year < first_year then 'no_data_before_series'
            when year > last_year then 'no_data_after_series'
            else 'no_data_year'
        end as reason_code,
        case
            when value is null then null
            when unit = 'share' then format('{:.1f}%', value * 100)
            else format('{:,.0f} {}', value, unit)
        end as value_text,
        case comparator when '>=' then '≥' else comparator end || ' ' || case
            when unit = 'share' then format('{:.0f}%', target_value * 100)
            else format('{:,.0f} {}', target_value, unit)
        end as target_text,
    from grid
)

select
    classified.indicator_id,
    classified.year,
    classified.value,
    classified.status,
    -- fill the template's placeholders; a placeholder without a value stays empty
    replace(replace(replace(replace(replace(replace(replace(replace(
        coalesce(own_texts.zh, shared_texts.zh),
        '{value}', coalesce(classified.value_text, '')),
        '{target}', classified.target_text),
        '{months}', coalesce(classified.months, '')),
        '{year}', classified.year::varchar),
        '{first_year}', coalesce(classified.first_year::varchar, '')),
        '{last_year}', coalesce(classified.last_year::varchar, '')),
        '{tables}', coalesce(classified.tables_all_rejected, classified.tables_absent, classified.tables_all)),
        '{example}', coalesce(classified.example_table, '')) as reason_zh,
    replace(replace(replace(replace(replace(replace(replace(replace(
        coalesce(own_texts.en, shared_texts.en),
        '{value}', coalesce(classified.value_text, '')),
        '{target}', classified.target_text),
        '{months}', coalesce(classified.months, '')),
        '{year}', classified.year::varchar),
        '{first_year}', coalesce(classified.first_year::varchar, '')),
        '{last_year}', coalesce(classified.last_year::varchar, '')),
        '{tables}', coalesce(classified.tables_all_rejected, classified.tables_absent, classified.tables_all)),
        '{example}', coalesce(classified.example_table, '')) as reason_en,
    classified.reason_code,
from classified
join status_texts as shared_texts
    on shared_texts.reason_code = classified.reason_code and shared_texts.domain is null
left join indicator_catalog as catalog on catalog.indicator_id = classified.indicator_id
left join status_texts as own_texts
    on own_texts.reason_code = classified.reason_code and own_texts.domain = catalog.domain
order by classified.indicator_id, classified.year;

comment on view target_status is 'Status of every plan target in every year from the first to the last year any indicator has a value: one row per target and year, with the reason in Chinese and English';
comment on column target_status.indicator_id is 'Indicator id (see table targets)';
comment on column target_status.year is 'Year';
comment on column target_status.value is 'Indicator value (a fraction for shares, TEU for volumes); null when there is none';
comment on column target_status.status is 'met, not_met, provisional (year not complete), no_input (no file for any input table of the target), no_data (inputs given, no value that year)';
comment on column target_status.reason_zh is 'Why the target has this status (Chinese): the value against the target, the months missing, the input tables absent';
comment on column target_status.reason_en is 'Why the target has this status (English)';
comment on column target_status.reason_code is 'Machine-readable reason: met, not_met, provisional, provisional_partial, no_input, no_data_all_rejected, no_data_input_absent, no_data_no_values, no_data_before_series, no_data_after_series, no_data_year';

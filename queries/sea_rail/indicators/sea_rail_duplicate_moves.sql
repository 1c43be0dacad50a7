-- Data quality: moves recorded more than once (same container_no, direction and move_time), in one
-- file or in several, counted once. conflicting marks the moves whose copies disagree in anything
-- but move_id (e.g. one copy full, the other empty): the first copy (by file, then row) is counted
-- and the others are listed here. Copies equal in every column were collapsed by ingest and are
-- only counted in load_manifest.duplicates_collapsed.
create or replace view sea_rail_duplicate_moves as
with grouped as (
    select
        container_no,
        direction,
        move_time,
        count(*) as copies,
        list(move_id order by source_file, source_row) as move_ids,
        list(source_file || ':' || source_row order by source_file, source_row) as sources,
        count(distinct source_file) > 1 as across_files,
        list_filter(
            [
                case when count(distinct move_id) > 1 then 'move_id' end,
                case when count(distinct iso_type) > 1 then 'iso_type' end,
                case when count(distinct full_empty) > 1 then 'full_empty' end,
                case when count(distinct coalesce(terminal, chr(0))) > 1 then 'terminal' end,
                case when count(distinct coalesce(inland_node, chr(0))) > 1 then 'inland_node' end,
                case when count(distinct coalesce(train_no, chr(0))) > 1 then 'train_no' end
            ],
            lambda name: name is not null
        ) as differing_columns,
    from int_sea_rail_move_copies
    where copies > 1
    group by container_no, direction, move_time
)

select
    *,
    len(list_filter(differing_columns, lambda name: name <> 'move_id')) > 0 as conflicting,
from grouped
order by move_time, container_no, direction;

comment on view sea_rail_duplicate_moves is 'Data quality: one row per sea-rail move recorded more than once (counted once); conflicting when the copies disagree beyond move_id';
comment on column sea_rail_duplicate_moves.container_no is 'ISO 6346 container number';
comment on column sea_rail_duplicate_moves.direction is 'rail_to_ship (集港) or ship_to_rail (疏港)';
comment on column sea_rail_duplicate_moves.move_time is 'Time of the move (local time)';
comment on column sea_rail_duplicate_moves.copies is 'Records loaded for the move';
comment on column sea_rail_duplicate_moves.move_ids is 'move_id of each copy, the counted copy first';
comment on column sea_rail_duplicate_moves.sources is 'source_file:source_row of each copy, the counted copy first';
comment on column sea_rail_duplicate_moves.across_files is 'True when the copies come from more than one file';
comment on column sea_rail_duplicate_moves.differing_columns is 'Columns whose values differ between the copies';
comment on column sea_rail_duplicate_moves.conflicting is 'True when the copies differ in a column other than move_id (the first copy is counted)';

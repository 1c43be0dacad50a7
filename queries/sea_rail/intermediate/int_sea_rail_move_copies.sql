-- Every loaded move record with the facts of its move: a move is (container_no, direction,
-- move_time); records of one move (exported twice, in one file or in two files, under the same or
-- another move_id) are its copies. Copy 1 is the first by source file name, then row.
-- Exact copies (equal in every column) were already collapsed by ingest (load_manifest).
create or replace view int_sea_rail_move_copies as
select
    container_no,
    direction,
    move_time,
    row_number() over (
        partition by container_no, direction, move_time order by source_file, source_row
    ) as copy_no,
    count(*) over (partition by container_no, direction, move_time) as copies,
    move_id,
    iso_type,
    full_empty,
    terminal,
    inland_node,
    train_no,
    source_file,
    source_row,
from stg_sea_rail_moves;

comment on view int_sea_rail_move_copies is 'Sea-rail move records with their move: one row per loaded record, numbered within its move (container_no, direction, move_time)';
comment on column int_sea_rail_move_copies.container_no is 'ISO 6346 container number';
comment on column int_sea_rail_move_copies.direction is 'rail_to_ship (集港) or ship_to_rail (疏港)';
comment on column int_sea_rail_move_copies.move_time is 'Time of the move (local time)';
comment on column int_sea_rail_move_copies.copy_no is 'Position of the record among the copies of its move (1 = the copy counted), by source_file then source_row';
comment on column int_sea_rail_move_copies.copies is 'Records loaded for this move (1 = no duplicate)';
comment on column int_sea_rail_move_copies.move_id is 'Move record id given by the terminal system';
comment on column int_sea_rail_move_copies.iso_type is 'ISO 6346 size-type code';
comment on column int_sea_rail_move_copies.full_empty is 'F (full) or E (empty)';
comment on column int_sea_rail_move_copies.terminal is 'Port terminal';
comment on column int_sea_rail_move_copies.inland_node is 'Inland port or city served';
comment on column int_sea_rail_move_copies.train_no is 'Train number';
comment on column int_sea_rail_move_copies.source_file is 'Input file of the record';
comment on column int_sea_rail_move_copies.source_row is 'Line or sheet row of the record in that file';

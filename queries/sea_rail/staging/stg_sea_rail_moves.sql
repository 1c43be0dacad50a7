-- Staging: sea-rail container moves as loaded (ingest has checked the container number's ISO 6346
-- check digit and the iso_type length code). One row per loaded record: a move exported twice
-- (in one file or in two files) is still two rows here; int_sea_rail_moves keeps one.
create or replace view stg_sea_rail_moves as
select
    move_id,
    container_no,
    iso_type,
    full_empty,
    direction,
    move_time,
    terminal,
    inland_node,
    train_no,
    source_file,
    source_row,
from sea_rail_moves;

comment on view stg_sea_rail_moves is 'Sea-rail container moves (staging): one row per loaded move record, duplicates of one move not yet removed';
comment on column stg_sea_rail_moves.move_id is 'Move record id given by the terminal system (not unique across exports)';
comment on column stg_sea_rail_moves.container_no is 'ISO 6346 container number (owner code, category, serial, check digit), upper case';
comment on column stg_sea_rail_moves.iso_type is 'ISO 6346 size-type code, e.g. 22G1, 45G1, L5G1; the first character is the length code';
comment on column stg_sea_rail_moves.full_empty is 'F (full, 重) or E (empty, 空)';
comment on column stg_sea_rail_moves.direction is 'rail_to_ship (集港: arrived by rail, leaves by ship) or ship_to_rail (疏港)';
comment on column stg_sea_rail_moves.move_time is 'Time of the move, local time as the terminal recorded it (no time zone)';
comment on column stg_sea_rail_moves.terminal is 'Port terminal, e.g. 前湾, 董家口';
comment on column stg_sea_rail_moves.inland_node is 'Inland port or city the train serves, e.g. 西安';
comment on column stg_sea_rail_moves.train_no is 'Train number';
comment on column stg_sea_rail_moves.source_file is 'Input file of the record';
comment on column stg_sea_rail_moves.source_row is 'Line or sheet row of the record in that file';

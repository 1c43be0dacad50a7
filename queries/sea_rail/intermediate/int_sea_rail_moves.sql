-- De-duplicated sea-rail moves with their TEU. One row per move (container_no, direction,
-- move_time): the first copy (int_sea_rail_move_copies.copy_no = 1). TEU per box = length in feet
-- / 20 from the ISO 6346 length code; a 45-ft box (code L) counts settings.teu_factor_45ft.
-- The month is the calendar month of move_time as recorded (local time, never shifted), so
-- 2025-12-31 23:59 belongs to December 2025.
create or replace view int_sea_rail_moves as
select
    copies.container_no,
    copies.direction,
    copies.move_time,
    cast(date_trunc('month', copies.move_time) as date) as month,
    year(copies.move_time) as year,
    copies.move_id,
    copies.iso_type,
    codes.length_code,
    codes.length_ft,
    codes.length_label,
    case
        when codes.length_code = 'L' then (select teu_factor_45ft from settings)
        else codes.length_ft / 20
    end as teu,
    copies.full_empty,
    copies.terminal,
    copies.inland_node,
    copies.train_no,
    copies.copies,
    copies.source_file,
    copies.source_row,
from int_sea_rail_move_copies as copies
left join int_iso6346_length_codes as codes on codes.length_code = left(copies.iso_type, 1)
where copies.copy_no = 1;

comment on view int_sea_rail_moves is 'Sea-rail moves, de-duplicated: one row per move (container_no, direction, move_time) with its TEU';
comment on column int_sea_rail_moves.container_no is 'ISO 6346 container number';
comment on column int_sea_rail_moves.direction is 'rail_to_ship (集港) or ship_to_rail (疏港)';
comment on column int_sea_rail_moves.move_time is 'Time of the move (local time as recorded)';
comment on column int_sea_rail_moves.month is 'Calendar month of move_time (date of its first day)';
comment on column int_sea_rail_moves.year is 'Calendar year of move_time';
comment on column int_sea_rail_moves.move_id is 'Move record id of the copy counted';
comment on column int_sea_rail_moves.iso_type is 'ISO 6346 size-type code of the copy counted';
comment on column int_sea_rail_moves.length_code is 'ISO 6346 length code (first character of iso_type)';
comment on column int_sea_rail_moves.length_ft is 'Box length in feet used for TEU';
comment on column int_sea_rail_moves.length_label is 'Box length as written, e.g. 40 ft';
comment on column int_sea_rail_moves.teu is 'TEU of the box: length_ft / 20, or settings.teu_factor_45ft for a 45-ft box (code L)';
comment on column int_sea_rail_moves.full_empty is 'F (full) or E (empty)';
comment on column int_sea_rail_moves.terminal is 'Port terminal';
comment on column int_sea_rail_moves.inland_node is 'Inland port or city served';
comment on column int_sea_rail_moves.train_no is 'Train number';
comment on column int_sea_rail_moves.copies is 'Records loaded for this move (more than 1: exported more than once, counted once)';
comment on column int_sea_rail_moves.source_file is 'Input file of the copy counted';
comment on column int_sea_rail_moves.source_row is 'Line or sheet row of the copy counted';

-- Reference: the length codes of ISO 6346 (first character of the size-type code), with the length
-- in feet that gives TEU = length_ft / 20. The same table as qdtransport.domains.sea_rail.iso6346
-- (a test checks that they agree); a code missing here is unassigned and ingest rejects it.
create or replace view int_iso6346_length_codes as
select
    length_code,
    cast(length_mm as integer) as length_mm,
    cast(length_ft as double) as length_ft,
    length_label,
from (
    values
        ('1', 2991, 10.0, '10 ft'),
        ('2', 6058, 20.0, '20 ft'),
        ('3', 9125, 30.0, '30 ft'),
        ('4', 12192, 40.0, '40 ft'),
        ('A', 7150, 23.46, '7.15 m'),
        ('B', 7315, 24.0, '24 ft'),
        ('C', 7430, 24.5, '24 ft 6 in'),
        ('D', 7450, 24.44, '7.45 m'),
        ('E', 7820, 25.66, '7.82 m'),
        ('F', 8100, 26.57, '8.10 m'),
        ('G', 12500, 41.0, '41 ft'),
        ('H', 13106, 43.0, '43 ft'),
        ('K', 13600, 44.62, '13.60 m'),
        ('L', 13716, 45.0, '45 ft'),
        ('M', 14630, 48.0, '48 ft'),
        ('N', 14935, 49.0, '49 ft'),
        ('P', 16154, 53.0, '53 ft')
) as codes (length_code, length_mm, length_ft, length_label);

comment on view int_iso6346_length_codes is 'ISO 6346 length codes (size-type code, first character): one row per assigned code';
comment on column int_iso6346_length_codes.length_code is 'Length code: 1-4 or a letter';
comment on column int_iso6346_length_codes.length_mm is 'Container length, mm';
comment on column int_iso6346_length_codes.length_ft is 'Length in feet used for TEU (nominal feet; metric lengths converted, to 0.01 ft)';
comment on column int_iso6346_length_codes.length_label is 'Length as written, e.g. 20 ft, 24 ft 6 in, 7.45 m';

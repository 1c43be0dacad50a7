"""The order the SQL files run in: layer rank, then the files each one reads; errors name files.

Every folder here is written out by hand in a temporary directory; the expected orders are worked
out in the comments.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qdtransport.queries import (
    QueryOrderError,
    order_query_files,
    ordered_query_files,
    query_files,
    referenced_names,
)
from qdtransport.warehouse import BuildError, build

DATA = Path(__file__).parent / "data" / "warehouse"
ROOT = Path(__file__).parents[1]
GROUPS = ("shared", "alpha", "beta")


def write(root: Path, relative: str, sql: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sql, encoding="utf-8")
    return path


def names(root: Path) -> list[str]:
    return [f.name for f in order_query_files(query_files(root, GROUPS))]


def test_reads_are_found_outside_comments_and_strings() -> None:
    sql = """
    -- reads not_this_one
    create view v as select 'also_not_this' as x, "quoted_name" from real_source;
    comment on view v is 'mentions other_view in the text';
    """
    words = referenced_names(sql)
    assert "real_source" in words
    assert not {"not_this_one", "also_not_this", "other_view", "quoted_name"} & words


def test_layers_first_then_dependencies_then_names(tmp_path: Path) -> None:
    # staging: a_base (alpha); intermediate: z_first reads nothing, b_second reads c_third,
    # c_third reads a_base (staging) -> within the layer c_third must come before b_second, and
    # z_first (no reads) comes in the first round with c_third: sorted, c_third then z_first.
    # indicators: beta's d_ind reads b_second; scorecard: s reads d_ind.
    write(tmp_path, "alpha/staging/a_base.sql", "create view a_base as select 1 as x;")
    write(tmp_path, "alpha/intermediate/b_second.sql", "create view b_second as select * from c_third;")
    write(tmp_path, "alpha/intermediate/c_third.sql", "create view c_third as select * from a_base;")
    write(tmp_path, "beta/intermediate/z_first.sql", "create view z_first as select 2 as x;")
    write(tmp_path, "beta/indicators/d_ind.sql", "create view d_ind as select * from b_second;")
    write(tmp_path, "shared/scorecard/s.sql", "create view s as select * from d_ind;")
    assert names(tmp_path) == ["a_base", "c_third", "z_first", "b_second", "d_ind", "s"]


def test_reading_a_later_layer_is_an_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "alpha/staging/stg_a.sql", "create view stg_a as select * from ind_b;")
    write(tmp_path, "alpha/indicators/ind_b.sql", "create view ind_b as select 1 as x;")
    with pytest.raises(QueryOrderError, match=r"stg_a\.sql: reads ind_b of the later layer"):
        names(tmp_path)


def test_a_cycle_is_an_error_naming_the_files(tmp_path: Path) -> None:
    write(tmp_path, "alpha/intermediate/int_a.sql", "create view int_a as select * from int_b;")
    write(tmp_path, "beta/intermediate/int_b.sql", "create view int_b as select * from int_a;")
    with pytest.raises(QueryOrderError, match="cycle") as caught:
        names(tmp_path)
    assert "int_a.sql" in str(caught.value) and "int_b.sql" in str(caught.value)


def test_folders_must_be_groups_and_layers(tmp_path: Path) -> None:
    write(tmp_path, "gamma/staging/x.sql", "create view x as select 1 as x;")
    with pytest.raises(QueryOrderError, match="gamma: not a registered domain"):
        names(tmp_path)
    shutil.rmtree(tmp_path / "gamma")
    write(tmp_path, "alpha/views/x.sql", "create view x as select 1 as x;")
    with pytest.raises(QueryOrderError, match="views: not a query layer"):
        names(tmp_path)


def test_two_files_of_one_name_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, "alpha/staging/x.sql", "create view x as select 1 as x;")
    write(tmp_path, "beta/staging/x.sql", "create view x as select 2 as x;")
    with pytest.raises(QueryOrderError, match="x is also created by"):
        names(tmp_path)


def test_the_project_queries_order_by_layer() -> None:
    ordered = ordered_query_files()
    position = {f.name: i for i, f in enumerate(ordered)}
    # each file runs after every file it reads
    for file in ordered:
        assert all(position[d] < position[file.name] for d in file.depends_on), file.name
    assert position["int_charging_stations"] > position["stg_charging_stations"]
    assert [f.name for f in ordered if f.layer == "scorecard"] == ["scorecard", "target_status"]
    assert ordered[-1].layer == "scorecard"


def test_a_broken_view_is_reported_as_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # aa_reader sorts first and reads zz_broken, which reads a table that does not exist: the
    # build must name zz_broken.sql (the broken one), not aa_reader.sql (its reader).
    queries = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", queries)
    write(queries, "shared/intermediate/aa_reader.sql", "create view aa_reader as select * from zz_broken;")
    write(queries, "shared/intermediate/zz_broken.sql", "create view zz_broken as select * from no_such_table;")
    monkeypatch.setattr("qdtransport.queries.queries_dir", lambda: queries)
    with pytest.raises(BuildError, match="zz_broken.sql") as caught:
        build(DATA, tmp_path / "qd.duckdb")
    assert "aa_reader" not in str(caught.value)

"""``python -m qdtransport.samples --out DIR [--seed N]``: write the synthetic sample data."""

from __future__ import annotations

import argparse
from pathlib import Path

from qdtransport.samples import DEFAULT_SEED, write_samples


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, write the samples, list the files written."""
    parser = argparse.ArgumentParser(
        prog="python -m qdtransport.samples",
        description="Write the synthetic sample data set (fleet register, service areas, charging "
        "stations, OSM demo network, README) into a folder.",
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder, e.g. data_samples")
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
    )
    args = parser.parse_args(argv)
    for name, path in write_samples(args.out, seed=args.seed).items():
        print(f"{name}\t{path.stat().st_size:>9,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

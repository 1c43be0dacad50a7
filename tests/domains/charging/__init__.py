"""Tests of domains.charging."""

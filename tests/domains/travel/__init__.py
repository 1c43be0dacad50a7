"""Tests of domains.travel."""

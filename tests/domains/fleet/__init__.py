"""Tests of domains.fleet."""

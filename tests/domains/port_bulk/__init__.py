"""Tests of domains.port_bulk."""

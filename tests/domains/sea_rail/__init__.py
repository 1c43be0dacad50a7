"""Tests of the sea-rail domain."""

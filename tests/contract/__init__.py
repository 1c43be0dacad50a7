"""Tests of the input contract and the public interface, written from their definitions."""

"""Tests of the sample data set (qdtransport.samples)."""

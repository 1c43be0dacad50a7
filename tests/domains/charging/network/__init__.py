"""Tests of the OpenStreetMap network check (qdtransport.domains.charging.network)."""

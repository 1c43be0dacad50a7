"""qdtransport: is Qingdao's transport sector on track for its carbon-peak targets.

Loads raw exports (vehicle register, charging-operator lists, port and railway statistics, travel
surveys) into a DuckDB warehouse whose SQL views compute the indicators of the Qingdao Carbon Peak
Work Plan, checks charger coverage along expressways on OpenStreetMap data, and writes reports.
"""

__version__ = "0.1.0"

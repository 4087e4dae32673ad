"""Writing diagnostics and views for people and for machines."""

"""Read-only views computed from the model, shared by the renderers and the tables."""

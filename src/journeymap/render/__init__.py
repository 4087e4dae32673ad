"""Drawing journeys: Graphviz DOT, the engine that lays it out, and Mermaid text."""

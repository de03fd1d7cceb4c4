"""Municipalities, wijken and buurten, regions, population and key figures from CBS/Politie data."""

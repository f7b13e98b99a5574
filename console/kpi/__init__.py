"""Live KPIs: base figures from several sources, derived rates, alerts (no Qt here)."""

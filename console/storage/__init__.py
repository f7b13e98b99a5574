"""The local session database: schema, event log, crash resume (no Qt here)."""

"""A small online-shop pipeline: orders from an API, cleaned and aggregated into a warehouse
(SQLite), a daily report, alerts for big spenders, a sensor and a schedule."""

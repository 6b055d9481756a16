//! Checks every CPython fixture in `pylib/fixtures/` (regenerate them with
//! `tools/pylib_fixtures.py`).

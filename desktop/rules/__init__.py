"""The qualification engine (pure: no database, no clock, no Qt). Built by the engine issue."""

"""Live Console (直播中控台): run-of-show, presenter view and session log for live-commerce studios."""

__version__ = "0.1.0"

"""The domain as plain dataclasses: `workbook` is what the clerk typed, `results` what the engine computed.

No behaviour beyond small lookups, no I/O. May import `contract` only.
"""
